package frame.cli;

import frame.cli.bench.BenchRun;
import frame.core.api.config.FrameConfig;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code frame bench}: the figures of docs/performance.md, measured on this machine (nothing asserted). */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {frame.cli.bench.PostgresRunnerBench.class, frame.cli.bench.CardBench.class},
    description = {"Measure FRAME on this machine and print the figures (nothing is asserted).",
        "FRAME cold (a fresh 'frame import' process) and warm (a long-running FRAME) beside the libvips reference,",
        "all on the same photos in the same run; every data folder is fresh and temporary.",
        "Real photos: frame bench --corpus ../shared/samples/photos"})
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of JPEGs to measure; generated there if it "
      + "has none (default: a generated camera-like set in a temp folder, reused between runs).")
  Path corpus;

  @Option(names = "--count", defaultValue = "40", description = "Photos to generate when generating (default ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--only", split = ",", paramLabel = "N", description = "Only these figures, e.g. --only 1,2 "
      + "(1 import cold/warm/libvips, 2 limit, 3 stages and decode paths, 4 drop-to-thumbnail, 5 upload, "
      + "6 24 MP at -Xmx512m, 7 runner, 8 tus upload of 50 MB).")
  Set<Integer> only;

  @Option(names = "--heap-check", hidden = true, description = "Internal (figure 6's child JVM): warm import, then peak heap.")
  boolean heapCheck;

  /** The job workers: {@code --workers} of frame, else FRAME's default for this machine. */
  public int workers() {
    return frameCommand.workers != null ? frameCommand.workers : FrameConfig.defaultWorkers();
  }

  @Override
  public Integer call() throws Exception {
    int workers = workers();
    BenchRun run = new BenchRun(spec.commandLine().getOut(), workers, only);
    return heapCheck ? run.heapCheck(corpus) : run.all(corpus, count);
  }
}
