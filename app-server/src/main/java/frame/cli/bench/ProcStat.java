package frame.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of Linux's {@code /proc/PID/stat} (or a thread's {@code task/TID/stat}): the command
 * name and the fields after it, which proc(5) numbers from 3. The name is in parentheses and may
 * hold spaces, so the fields are read after its last closing parenthesis.
 */
record ProcStat(String name, String[] after) {
  /** The kernel's clock tick ({@code USER_HZ}), the unit of /proc's CPU times: 100 a second on every Linux architecture FRAME runs on. */
  static final long NANOS_PER_TICK = 10_000_000L;

  /** The file's line; empty when it cannot be read (no /proc, a process or thread that ended). */
  static Optional<ProcStat> read(Path stat) {
    String line;
    try {
      line = Files.readString(stat);
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) return Optional.empty();
    return Optional.of(new ProcStat(line.substring(open + 1, close), line.substring(close + 2).split(" ")));
  }

  /** User plus system time (proc(5) fields 14 and 15), in clock ticks. */
  long cpuTicks() {
    return field(14) + field(15);
  }

  /** User plus system time of the children reaped (fields 16 and 17), in clock ticks. */
  long childrenCpuTicks() {
    return field(16) + field(17);
  }

  private long field(int number) {
    return Long.parseLong(after[number - 3]);
  }
}
