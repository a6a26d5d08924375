package frame.cli;

import frame.cli.bench.Corpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The training run of FRAME's ahead-of-time cache: run once per build under
 * {@code -XX:AOTCacheOutput} (by {@code ./frame} and the app image's packaging), it does what a
 * user's first {@code frame import} does, on generated camera-like photos in a temporary folder,
 * so the JVM records the classes it loads and the methods it profiles. A later {@code frame import}
 * with {@code -XX:AOTCache} starts with them linked and its JIT knowing where the time goes.
 */
@Command(name = "aot-training", hidden = true,
    description = "Internal: the workload that trains FRAME's ahead-of-time cache (run under -XX:AOTCacheOutput).")
final class AotTrainingCommand implements Callable<Integer> {
  /** A 12, 24, 10 and 8 MP photo, two of them ICC-tagged (sRGB, Display P3): the decode paths and colour step. */
  private static final int PHOTOS = 4;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path scratch = Files.createTempDirectory("frame-aot-training");
    try {
      phase("generating " + PHOTOS + " camera-like photos");
      List<Path> photos = Corpus.generate(scratch.resolve("photos"), PHOTOS);
      phase("importing them as 'frame import' would");
      List<String> args = new ArrayList<>(List.of("--data-dir", scratch.resolve("data").toString(), "import"));
      photos.forEach(photo -> args.add(photo.toString()));
      StringWriter output = new StringWriter();
      String[] training = args.toArray(String[]::new);
      CommandLine frame = FrameCommand.commandLine(training);
      frame.setOut(new PrintWriter(output));
      frame.setErr(new PrintWriter(output));
      int exit = frame.execute(training);
      if (exit != 0) spec.commandLine().getErr().println("frame: the training import ended with " + exit + ":\n" + output);
      return exit;
    } finally {
      deleteTree(scratch);
    }
  }

  /** A line per phase, which ./frame shows while the first run prepares the cache. */
  private void phase(String what) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("frame aot-training: " + what);
    out.flush();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
    }
  }
}
