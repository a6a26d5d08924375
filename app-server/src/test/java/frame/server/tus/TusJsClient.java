package frame.server.tus;

import frame.core.testing.Programs;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tus project's own JavaScript client, installed from npm into {@code target/tus-js-client}
 * once and run under Node with {@code tus-upload.cjs}. Tests using it are skipped, with the
 * reason, on a machine without node and npm.
 */
public final class TusJsClient {
  public static final String VERSION = "4.3.1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path installed;

  private TusJsClient() {}

  /** Installs the client if needed; skips the calling test when node or npm are missing. */
  public static synchronized Path install() throws IOException, InterruptedException {
    if (installed != null) return installed;
    assumeTrue(Programs.works("node", "--version"), "node is not installed: skipping the tus-js-client test");
    assumeTrue(Programs.works("npm", "--version"), "npm is not installed: skipping the tus-js-client test");
    Path folder = Path.of("target", "tus-js-client").toAbsolutePath();
    Files.createDirectories(folder);
    if (!Files.isDirectory(folder.resolve("node_modules/tus-js-client"))) {
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", folder.toString(),
          "tus-js-client@" + VERSION).redirectErrorStream(true).start();
      String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) throw new IOException("npm install failed:\n" + log);
    }
    try (InputStream script = TusJsClient.class.getResourceAsStream("tus-upload.cjs")) {
      Files.write(folder.resolve("tus-upload.cjs"), script.readAllBytes());
    }
    installed = folder;
    return folder;
  }

  /** Starts an upload; its events arrive on {@link Run#next}. */
  public static Run start(String endpoint, String token, Path file, String... options)
      throws IOException, InterruptedException {
    Path folder = install();
    List<String> command = new ArrayList<>(List.of("node", folder.resolve("tus-upload.cjs").toString(), endpoint,
        token, file.toString()));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    return new Run(process);
  }

  /** One running client: its events, one JSON object per line. */
  public static final class Run implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final StringBuilder other = new StringBuilder();

    Run(Process process) {
      this.process = process;
      Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("{")) events.add(JSON.readTree(line));
            else synchronized (other) { other.append(line).append('\n'); }
          }
        } catch (IOException e) {
          synchronized (other) { other.append(e).append('\n'); }
        }
      });
    }

    /** The next event of one of {@code kinds}, skipping others; fails after 60 s. */
    public JsonNode next(String... kinds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
        if (event == null) continue;
        for (String kind : kinds) if (kind.equals(event.get("event").asText())) return event;
      }
      synchronized (other) {
        throw new AssertionError("no " + String.join("/", kinds) + " event from tus-js-client in 60 s; other output:\n" + other);
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
