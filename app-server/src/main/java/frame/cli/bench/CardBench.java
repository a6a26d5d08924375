package frame.cli.bench;

import frame.core.api.config.FrameConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frame bench card}: a card's worth of photos imported cold, against libvips on the same files (docs/performance.md). */
@Command(name = "card", mixinStandardHelpOptions = true,
    description = {"Import a memory card's worth of distinct photos with a fresh 'frame import' (new JVM, new data folder)",
        "against libvips on the same files, alternating within the run; medians, photos/s, CPU seconds, peak memory.",
        "Each FRAME side is timed to the import's exit (every photo PROCESSED; background jobs such as archive copies and",
        "analysis stay queued) and until all its jobs ended ('frame queue wait' after it: every photo STORED with a target).",
        "Real photos: frame bench card --corpus ../shared/samples/photos",
        "Variants in the same run: frame bench card --variant folder-target --variant analysis-off"})
public final class CardBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of JPEGs to copy (default: frame bench's generated "
      + "camera-like set, 40 photos in a temp folder).")
  Path corpus;

  @Option(names = "--copies", defaultValue = "420", description = "Distinct copies to import (default ${DEFAULT-VALUE}).")
  int copies;

  @Option(names = "--runs", defaultValue = "3", description = "Runs of each side (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--variant", paramLabel = "VARIANT", converter = CardVariant.Converter.class,
      description = {"Also time this variant of the FRAME side, alternating with the plain import, and print its change"
          + " against it (repeatable):",
          "  folder-target: a fresh folder archive target ('frame archive add --folder') on the same disk, added first;",
          "  analysis-off: analysis=off in the data folder's culling.properties."})
  List<CardVariant> variants = new java.util.ArrayList<>();

  @Option(names = "--startup-cache", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Train and use the start-up cache as ./frame does (default ${DEFAULT-VALUE}).")
  boolean startupCache;

  @Override
  public Integer call() throws Exception {
    if (copies < 1 || runs < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--copies and --runs must be at least 1");
    List<Path> photos;
    if (corpus != null && Files.isDirectory(corpus) && !Corpus.of(corpus).isEmpty()) {
      photos = Corpus.of(corpus);
    } else {
      Path dir = corpus != null ? corpus : Path.of(System.getProperty("java.io.tmpdir"), "frame-bench-cameras");
      photos = Corpus.generate(dir, 40);
    }
    new CardFigure(spec.commandLine().getOut(), workers()).measure(photos,
        corpus != null ? corpus.toString() : "generated", copies, runs, startupCache,
        variants.stream().distinct().toList());
    return 0;
  }

  /** frame's {@code --workers}, else FRAME's default; read from the root command, so this package names no frame.cli class. */
  private int workers() {
    var option = spec.root().findOption("--workers");
    Integer chosen = option == null ? null : option.getValue();
    return chosen != null ? chosen : FrameConfig.defaultWorkers();
  }
}
