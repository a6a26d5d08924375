package frame.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a user runs: a fresh {@code frame import} process on a fresh data folder, timed from its
 * start to its exit (JVM start-up, opening the database, every photo PROCESSED). The child is
 * this same FRAME (same Java, same class path), with the JVM options the caller gives.
 */
public final class ColdImport {
  /**
   * The JVM options {@code ./frame}, the app image and the window tests start FRAME with, written
   * once as pom.xml's {@code frame.jvm.options} (the reasons for each are there): the JIT setting
   * and the heap's. FrameJitSettingTest holds the launchers to them.
   */
  public static final List<String> FRAME_OPTIONS = launchOptions();
  /** Of them, the JIT setting; a bench run started with it is said to run "as ./frame sets it". */
  public static final String FRAME_JIT = FRAME_OPTIONS.stream()
      .filter(option -> option.startsWith("-XX:CompileThresholdScaling=")).findFirst().orElseThrow();

  private ColdImport() {}

  private static List<String> launchOptions() {
    Properties launch = new Properties();
    try (InputStream in = ColdImport.class.getResourceAsStream("launch.properties")) {
      if (in == null) throw new IllegalStateException("this build has no frame/cli/bench/launch.properties");
      launch.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(launch.getProperty("jvm.options").trim().split("\\s+"));
  }

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
