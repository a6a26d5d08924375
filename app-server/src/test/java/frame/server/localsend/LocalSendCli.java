package frame.server.localsend;

import frame.core.testing.Programs;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm {@code localsend} package's command line as a real LocalSend sender, installed into
 * {@code target/localsend-cli} once; tests using it are skipped, with the reason, without node and npm.
 */
public final class LocalSendCli {
  static final String VERSION = "0.1.2";
  private static Path installed;
  private static Path clock;

  /**
   * The CLI's progress bar divides by the milliseconds between two updates, and between two chunks
   * of a file over 50 MB it updates twice in the same millisecond: 0/0 throws and the send fails
   * (localsend 0.1.2's {@code send}). Run under this preload, its clock never stands still; what it
   * sends is untouched.
   */
  private static final String CLOCK = "clock-never-stands-still.mjs";
  private static final String CLOCK_SHIM = """
      const now = Date.now;
      let last = 0;
      Date.now = () => (last = Math.max(now(), last + 1));
      """;

  private LocalSendCli() {}

  public record Sent(int exitCode, String output) {}

  public static synchronized Path install() throws IOException, InterruptedException {
    if (installed != null) return installed;
    assumeTrue(Programs.works("node", "--version"), "node is not installed: skipping the LocalSend CLI test");
    assumeTrue(Programs.works("npm", "--version"), "npm is not installed: skipping the LocalSend CLI test");
    Path folder = Path.of("target", "localsend-cli").toAbsolutePath();
    Files.createDirectories(folder);
    Path cli = folder.resolve("node_modules/localsend/dist/cli.js");
    if (!Files.exists(cli)) {
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", folder.toString(),
          "localsend@" + VERSION).redirectErrorStream(true).start();
      String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) throw new IOException("npm install failed:\n" + log);
    }
    clock = Files.writeString(folder.resolve(CLOCK), CLOCK_SHIM);
    installed = cli;
    return cli;
  }

  /** {@code localsend send 127.0.0.1 FILE --port P --protocol https [--pin PIN]}, run to its end. */
  public static Sent send(int port, Path file, String pin) throws IOException, InterruptedException {
    Path cli = install();
    List<String> command = new ArrayList<>(List.of("node", "--import", clock.toUri().toString(), cli.toString(),
        "send", "127.0.0.1", file.toString(), "--port", Integer.toString(port), "--protocol", "https", "--alias", "Test phone"));
    if (pin != null) command.addAll(List.of("--pin", pin));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("localsend send did not finish:\n" + output);
    }
    return new Sent(process.exitValue(), output);
  }

}
