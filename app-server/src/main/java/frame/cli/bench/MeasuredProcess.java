package frame.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process run to its exit while its peak resident memory is watched. The kernel keeps a
 * process's peak ({@code VmHWM} in {@code /proc/PID/status}) until it exits, so polling it often
 * loses at most the growth of the last poll interval. CPU time comes from the kernel's account
 * of reaped children ({@link #childrenCpuSeconds}), which includes every process this JVM waited
 * for.
 */
record MeasuredProcess(double seconds, long peakResidentKb, String output) {
  private static final long POLL_MILLIS = 10;

  /** Runs {@code command} with {@code environment} added; an exit code other than 0 is an error with its output. */
  static MeasuredProcess run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    StringBuilder output = new StringBuilder();
    Thread reader = Thread.ofPlatform().daemon().start(() -> {
      try {
        output.append(new String(process.getInputStream().readAllBytes()));
      } catch (IOException e) {
        output.append("(output unreadable: ").append(e.getMessage()).append(')');
      }
    });
    long peak = 0;
    while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) peak = Math.max(peak, residentPeakKb(status));
    double seconds = (System.nanoTime() - start) / 1e9;
    reader.join();
    if (process.exitValue() != 0) {
      throw new IOException(command.getFirst() + " exited with " + process.exitValue() + ":\n" + output);
    }
    return new MeasuredProcess(seconds, peak, output.toString());
  }

  /** The process's peak resident set so far in kB, 0 once it is gone or where /proc is not. */
  private static long residentPeakKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    } catch (IOException | RuntimeException e) {
      // exited between the poll and the read
    }
    return 0;
  }

  /**
   * User plus system CPU seconds of every child this JVM has reaped so far (Linux
   * {@code /proc/self/stat}'s cutime and cstime); NaN where there is no /proc.
   */
  static double childrenCpuSeconds() {
    return ProcStat.read(Path.of("/proc/self/stat"))
        .map(self -> self.childrenCpuTicks() * ProcStat.NANOS_PER_TICK / 1e9).orElse(Double.NaN);
  }
}
