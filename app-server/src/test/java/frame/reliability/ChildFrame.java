package frame.reliability;

import static org.awaitility.Awaitility.await;

import frame.core.testing.Multipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FRAME as a user runs it, in a child JVM: {@code frame serve} on a random port and a given data
 * folder, killed with SIGKILL ({@link #kill()}) or stopped with SIGTERM ({@link #stop()}), and
 * restarted on the same folder. Its API token is learnt from its first start.
 */
final class ChildFrame implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("https?://127\\.0\\.0\\.1:(\\d+)/api");
  /** Generous: on a loaded 2-core machine a first start with --lan (a new certificate, mDNS) took over a minute. */
  private static final Duration START_LIMIT = Duration.ofSeconds(180);
  private static final Pattern TOKEN = Pattern.compile("^\\s+(frame_[A-Za-z0-9_-]+)\\s*$");

  private final Path dataDir;
  private final List<String> jvmOptions;
  private List<String> serveArgs = List.of();
  private java.util.Map<String, String> environment = java.util.Map.of();
  private List<String> commandPrefix = List.of();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;
  private Path output;
  private int port;
  private String token;

  ChildFrame(Path dataDir, String... jvmOptions) {
    this.dataDir = dataDir;
    this.jvmOptions = List.of(jvmOptions);
  }

  ChildFrame withOptions(String... options) {
    ChildFrame other = new ChildFrame(dataDir, options);
    other.token = token;
    other.serveArgs = serveArgs;
    other.environment = environment;
    other.commandPrefix = commandPrefix;
    return other;
  }

  /** Runs the child through {@code prefix}, e.g. into a {@link NetworkNamespace}. */
  ChildFrame inside(List<String> prefix) {
    commandPrefix = List.copyOf(prefix);
    return this;
  }

  /** Environment variables for the child, e.g. a studio's DATABASE_URL and STORAGE_DIR. */
  ChildFrame withEnvironment(java.util.Map<String, String> variables) {
    environment = java.util.Map.copyOf(variables);
    return this;
  }

  /** Starts {@code frame worker} with {@code args}; returns once it says it runs. */
  ChildFrame startWorker(String... args) throws IOException, InterruptedException {
    output = Files.createTempFile("frame-worker", ".log");
    List<String> command = new ArrayList<>(List.of("worker"));
    command.addAll(List.of(args));
    process = launch(command.toArray(String[]::new)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    await("frame worker on " + dataDir).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> {
          String now = Files.readString(output);
          if (!process.isAlive()) throw new IllegalStateException("worker exited (" + process.exitValue() + "):\n" + now);
          return now;
        }, now -> now.contains("Stop with Ctrl-C"));
    return this;
  }

  /** Extra arguments for {@code frame serve}, e.g. {@code --workers 1}. */
  ChildFrame withServeArgs(String... args) {
    serveArgs = List.of(args);
    return this;
  }

  ChildFrame start() throws IOException, InterruptedException {
    output = Files.createTempFile("frame-child", ".log");
    List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
    args.addAll(serveArgs);
    process = launch(args.toArray(String[]::new)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    String text = await("FRAME serving on " + dataDir).atMost(START_LIMIT).pollInterval(Duration.ofMillis(50))
        .until(() -> {
          String now = Files.readString(output);
          if (!process.isAlive()) throw new IllegalStateException("FRAME exited (" + process.exitValue() + ") at start:\n" + now);
          return now;
        }, now -> URL.matcher(now).find() && now.contains("Stop with Ctrl-C"));
    Matcher url = URL.matcher(text);
    url.find();
    port = Integer.parseInt(url.group(1));
    for (String line : text.split("\n")) {
      Matcher t = TOKEN.matcher(line);
      if (t.matches()) token = t.group(1);
    }
    if (token == null) throw new IllegalStateException("no token known for " + dataDir);
    return this;
  }

  /** A second FRAME on the same folder, run to its end: its exit code and output. */
  Finished runAnother(String... args) throws IOException, InterruptedException {
    return runAnother(Duration.ofSeconds(60), args);
  }

  /** The same, for a command that may take up to {@code timeout} (a recover making renditions). */
  Finished runAnother(Duration timeout, String... args) throws IOException, InterruptedException {
    Path log = Files.createTempFile("frame-other", ".log");
    Process other = launch(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!other.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      other.destroyForcibly();
      throw new IllegalStateException("the second FRAME did not exit");
    }
    return new Finished(other.exitValue(), Files.readString(log));
  }

  record Finished(int exitCode, String output) {}

  /** Starts a command on the folder without waiting for it (to kill it mid-way); its output goes to {@code log}. */
  Process startAnother(Path log, String... args) throws IOException {
    return launch(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private ProcessBuilder launch(String... args) {
    List<String> command = new ArrayList<>(commandPrefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Djava.awt.headless=true");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("frame.cli.ServerMain");
    command.addAll(List.of(args));
    command.add("--data-dir");
    command.add(dataDir.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return builder;
  }

  long pid() {
    return process.pid();
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGSTOP or SIGCONT: the child stops where it is, holding what it holds, until thawed. */
  void freeze(boolean frozen) throws IOException, InterruptedException {
    Process signal = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", "" + process.pid()).inheritIO().start();
    if (signal.waitFor() != 0) throw new IOException("kill " + (frozen ? "-STOP" : "-CONT") + " failed");
  }

  /** SIGTERM: the graceful path. */
  /**
   * What a child stopped by SIGTERM exits with: the JVM runs FRAME's graceful stop in its shutdown
   * hook and then ends with 128 + 15, whatever the main thread returns (its System.exit waits
   * behind the signal's). A kill -9 would give 137, a start-up problem 2.
   */
  static final int EXIT_AFTER_SIGTERM = 143;

  /** Sends SIGTERM and waits for the graceful stop; its exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) throw new IllegalStateException("did not stop");
    return process.exitValue();
  }

  /** Waits for the child to die by itself (a crash point). */
  boolean awaitDeath(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() throws IOException {
    return Files.readString(output);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> upload(String name, byte[] bytes) throws IOException, InterruptedException {
    return upload(name, bytes, token);
  }

  /** The same, sent with {@code asToken}: another device's. */
  HttpResponse<String> upload(String name, byte[] bytes, String asToken) throws IOException, InterruptedException {
    Multipart body = new Multipart().file(name, bytes);
    return http.send(request("/api/upload").setHeader("Authorization", "Bearer " + asToken)
        .header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A new admin token made through the API (another device, for its own share of the upload slots). */
  String newToken(String name) throws IOException, InterruptedException {
    HttpResponse<String> made = http.send(request("/api/admin/tokens").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (made.statusCode() != 201) throw new IllegalStateException("token not made: " + made.body());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(made.body()).get("token").asText();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
  }

  int port() {
    return port;
  }

  String token() {
    return token;
  }

  Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) kill();
  }
}
