package frame.cli;

import java.io.PrintWriter;

/** One line, redrawn in place on a terminal; a line every few seconds when output is a file. */
final class ProgressBar {
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final int files;
  private final boolean terminal = System.console() != null;
  private final long started = System.nanoTime();
  private long lastPrinted;

  ProgressBar(PrintWriter err, int files) {
    this.err = err;
    this.files = files;
  }

  void show(int ingested, ImportCommand.ImportWatch watch) {
    long now = System.nanoTime();
    long gap = terminal ? 100_000_000L : 5_000_000_000L;
    if (now - lastPrinted < gap) return;
    lastPrinted = now;
    print(ingested, watch, terminal ? "\r" : "", terminal ? "" : "\n");
  }

  void finish(int ingested, ImportCommand.ImportWatch watch) {
    print(ingested, watch, terminal ? "\r" : "", "\n");
  }

  /** A plain count of {@code files} things, e.g. "3/10 photos regenerated"; the last one always shows. */
  void showCount(int done, String what) {
    long now = System.nanoTime();
    long gap = terminal ? 100_000_000L : 5_000_000_000L;
    if (done < files && now - lastPrinted < gap) return;
    lastPrinted = now;
    int filled = files == 0 ? WIDTH : (int) Math.min(WIDTH, (long) WIDTH * done / files);
    err.print((terminal ? "\r" : "") + "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + done + "/" + files + " " + what + (terminal && done < files ? "" : "\n"));
    err.flush();
  }

  double elapsedSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  private void print(int ingested, ImportCommand.ImportWatch watch, String start, String end) {
    int totalWork = files + watch.expectedJobs();
    int doneWork = ingested + watch.jobsDone();
    int filled = totalWork == 0 ? WIDTH : (int) Math.min(WIDTH, (long) WIDTH * doneWork / totalWork);
    double rate = watch.finished() / Math.max(elapsedSeconds(), 0.001);
    err.print(start + "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + "%d/%d files ingested, %d/%d jobs done, %.1f images/s".formatted(
            ingested, files, Math.min(watch.jobsDone(), watch.expectedJobs()), watch.expectedJobs(), rate)
        + end);
    err.flush();
  }
}
