package frame.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre") have used,
 * read from Linux's /proc: each node of a bench is its own JVM and compiles the same code, so
 * with more nodes more of a short run is compiling. Elsewhere it is unknown (-1).
 */
final class CompilerThreads {
  private CompilerThreads() {}

  static long cpuNanos(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) return -1;
    long ticks = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) ticks += compilerTicks(thread.resolve("stat"));
    } catch (IOException e) {
      return -1;
    }
    return ticks * ProcStat.NANOS_PER_TICK;
  }

  /** utime + stime of a compiler thread; 0 for any other thread or one that just ended. */
  private static long compilerTicks(Path stat) {
    return ProcStat.read(stat).filter(thread -> thread.name().contains("CompilerThre"))
        .map(ProcStat::cpuTicks).orElse(0L);
  }
}
