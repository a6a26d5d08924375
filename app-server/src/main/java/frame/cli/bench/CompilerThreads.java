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
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

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
    return ticks * NANOS_PER_TICK;
  }

  /** utime + stime of a compiler thread; 0 for any other thread or one that just ended. */
  private static long compilerTicks(Path stat) {
    String line;
    try {
      line = Files.readString(stat);
    } catch (IOException threadEnded) {
      return 0;
    }
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open || !line.substring(open + 1, close).contains("CompilerThre")) return 0;
    String[] fields = line.substring(close + 2).split(" ");
    // after the name: state is field 0, utime 11 and stime 12 (proc(5) fields 14 and 15)
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
