package frame.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a user runs: a fresh {@code frame import} process on a fresh data folder, timed from its
 * start to its exit (JVM start-up, opening the database, every photo PROCESSED). The child is
 * this same FRAME (same Java, same class path), with the JVM's default heap.
 */
public final class ColdImport {
  /** The JIT setting {@code ./frame} and the app image start FRAME with (FrameJitSettingTest holds them to it). */
  public static final String FRAME_JIT = "-XX:CompileThresholdScaling=10";
  /**
   * The heap settings {@code ./frame} and the app image start FRAME with: at most 2 GB, and G1 may
   * spend up to a fifth of the time collecting before it grows the heap (its default, a thirteenth,
   * grew a card import's heap to 850 MB resident for a live set under 200 MB). It starts at 320 MB
   * wherever it runs: the JVM's default, a sixty-fourth of the machine's memory, put a card
   * import's peak at 630 MB with 24 GB, 706 MB with 32 GB and 987 MB with 64 GB; 320 MB puts it at
   * about 570 MB, for about 1.5 % more CPU.
   */
  public static final List<String> FRAME_MEMORY = List.of("-Xms320m", "-Xmx2g", "-XX:GCTimeRatio=4");

  private ColdImport() {}

  /** Seconds from starting the process to its exit; {@code jvmOptions} go before the class path. */
  public static double seconds(List<Path> photos, Path dataDir, int workers, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = frameCommand(jvmOptions);
    command.addAll(List.of("--data-dir", dataDir.toString(), "--workers", Integer.toString(workers), "import"));
    for (Path photo : photos) command.add(photo.toString());
    return run(command);
  }

  /**
   * Trains a start-up cache the way {@code ./frame} does once per build (the hidden
   * {@code aot-training} command under {@code -XX:AOTCacheOutput}, on generated photos, not on the
   * photos measured); empty when this JVM cannot make one.
   */
  public static Optional<Path> trainStartupCache(Path dir, List<String> jvmOptions) throws InterruptedException {
    Path cache = dir.resolve("frame.aot");
    List<String> withOutput = new ArrayList<>(jvmOptions);
    withOutput.add("-XX:AOTCacheOutput=" + cache);
    List<String> command = frameCommand(withOutput);
    command.add("aot-training");
    try {
      run(command);
    } catch (IOException e) {
      return Optional.empty();
    }
    return java.nio.file.Files.exists(cache) ? Optional.of(cache) : Optional.empty();
  }

  /** This same FRAME (same Java, same class path) as a child process, up to its subcommand. */
  static List<String> frameCommand(List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "frame.cli.ServerMain"));
    return command;
  }

  static double run(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) throw new IOException("the child FRAME exited with " + exit + ":\n" + new String(output));
    return seconds;
  }
}
