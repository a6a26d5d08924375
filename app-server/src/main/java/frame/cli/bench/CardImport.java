package frame.cli.bench;

import frame.cli.bench.CardFigure.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One FRAME side of the card figure, each time on a new data folder: {@code frame import} of the
 * card from a cold start, timed from process start to exit, then {@code frame queue wait} on the
 * same data folder, timed the same way. {@code frame import} returns once every photo is
 * PROCESSED (or FAILED); the background jobs it leaves queued (archive copies, analysis) are run
 * by the next FRAME that runs jobs, here {@code queue wait}. So the import figure is what the
 * photographer waits for at the command line, and import plus wait is the time until every job of
 * the import ended: with an archive target, until every photo is STORED (this includes a second
 * JVM start-up, so it is a little above what one long-running FRAME, the window, takes).
 */
final class CardImport {
  /** The import to its exit, and until every job of it ended (import plus queue wait; peak of the two). */
  record Result(Run imported, Run allEnded) {}

  /** Longer than any card on any machine; a wait that cannot end (a paused queue) exits 1 at once anyway. */
  private static final String WAIT_LIMIT_SECONDS = "7200";

  private final List<String> jvmOptions;
  private final int workers;
  private final Path card;

  CardImport(List<String> jvmOptions, int workers, Path card) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.workers = workers;
    this.card = card;
  }

  /**
   * {@code variant} null is the plain import. {@code setUp}: the data folder is first made by a
   * FRAME command (the variant's, or one that only opens it), untimed, so that sides differ only by
   * their variant; without it the import opens a data folder that does not exist yet.
   */
  Result run(CardVariant variant, boolean setUp) throws Exception {
    try (ScratchFolders side = new ScratchFolders()) { // removed after each side, so a 420-copy run does not fill the disk
      Path dataDir = side.make("frame-bench-card-data");
      if (setUp) {
        MeasuredProcess.run(frame(dataDir, variant == null ? CardVariant.PLAIN_SET_UP : variant.setUp(side)), Map.of());
        if (variant != null) variant.afterSetUp(dataDir);
      }
      double cpuBefore = MeasuredProcess.childrenCpuSeconds();
      MeasuredProcess imported = MeasuredProcess.run(frame(dataDir, List.of("import", card.toString())), Map.of());
      double cpuImported = MeasuredProcess.childrenCpuSeconds();
      MeasuredProcess waited = MeasuredProcess.run(frame(dataDir, List.of("queue", "wait", "--timeout", WAIT_LIMIT_SECONDS)),
          Map.of());
      double cpuAll = MeasuredProcess.childrenCpuSeconds();
      return new Result(new Run(imported.seconds(), cpuImported - cpuBefore, imported.peakResidentKb()),
          new Run(imported.seconds() + waited.seconds(), cpuAll - cpuBefore,
              Math.max(imported.peakResidentKb(), waited.peakResidentKb())));
    }
  }

  private List<String> frame(Path dataDir, List<String> subcommand) {
    List<String> command = new ArrayList<>(ColdImport.frameCommand(jvmOptions));
    command.addAll(List.of("--data-dir", dataDir.toString(), "--workers", Integer.toString(workers)));
    command.addAll(subcommand);
    return command;
  }
}
