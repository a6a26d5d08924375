package frame.cli;

import java.io.PrintWriter;

/**
 * One line, redrawn in place on a terminal. When output is a file or a pipe, a line every few
 * seconds and the final one, each once: a quick import there prints a single line, not the same
 * line twice.
 */
final class ProgressBar {
  private static final int WIDTH = 24;

  private static final long TERMINAL_GAP = 100_000_000L;
  private static final long FILE_GAP = 5_000_000_000L;

  private final PrintWriter err;
  private final int files;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastPrinted;
  private String lastLine = "";

  ProgressBar(PrintWriter err, int files) {
    this.err = err;
    this.files = files;
    this.terminal = System.console() != null;
    this.lastPrinted = terminal ? 0 : started; // in a file the first line waits for the gap too
  }

  void show(int ingested, ImportCommand.ImportWatch watch) {
    long now = System.nanoTime();
    if (now - lastPrinted < (terminal ? TERMINAL_GAP : FILE_GAP)) return;
    lastPrinted = now;
    print(ingested, watch, terminal ? "\r" : "", terminal ? "" : "\n");
  }

  void finish(int ingested, ImportCommand.ImportWatch watch) {
    print(ingested, watch, terminal ? "\r" : "", "\n");
  }

  /** A plain count of {@code files} things, e.g. "3/10 photos regenerated"; the last one always shows. */
  void showCount(int done, String what) {
    long now = System.nanoTime();
    if (done < files && now - lastPrinted < (terminal ? TERMINAL_GAP : FILE_GAP)) return;
    lastPrinted = now;
    int filled = files == 0 ? WIDTH : (int) Math.min(WIDTH, (long) WIDTH * done / files);
    emit(terminal ? "\r" : "", "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + files + " " + what,
        terminal && done < files ? "" : "\n");
  }

  double elapsedSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  private void print(int ingested, ImportCommand.ImportWatch watch, String start, String end) {
    int totalWork = files + watch.expectedJobs();
    int doneWork = ingested + watch.jobsDone();
    int filled = totalWork == 0 ? WIDTH : (int) Math.min(WIDTH, (long) WIDTH * doneWork / totalWork);
    double rate = watch.finished() / Math.max(elapsedSeconds(), 0.001);
    emit(start, "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + "%d/%d files ingested, %d/%d jobs done, %.1f images/s".formatted(
            ingested, files, Math.min(watch.jobsDone(), watch.expectedJobs()), watch.expectedJobs(), rate), end);
  }

  /** A line in a file is never repeated as it was; a terminal redraws in place anyway. */
  private void emit(String start, String line, String end) {
    if (!terminal && line.equals(lastLine)) return;
    lastLine = line;
    err.print(start + line + end);
    err.flush();
  }
}
