package frame.cli;

import frame.cli.remote.PinnedTls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import frame.server.tls.Fingerprint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frame serve --tls} as a user runs it, in a child JVM on a loopback port: HTTPS for a
 * client that pins the fingerprint it printed, a refusal for any other certificate, no API over
 * plain HTTP, the command line pinning through the endpoint file, and the same certificate after
 * a restart. One child serves every test (each start costs seconds of a shared machine); a test
 * that changes something puts it back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsServeTest {
  private static final Pattern URL = Pattern.compile("https://127\\.0\\.0\\.1:(\\d+)/api");
  private static final Pattern FINGERPRINT = Pattern.compile("\\s((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\\s");
  private static final Pattern TOKEN = Pattern.compile("(?m)^\\s+(frame_[A-Za-z0-9_-]+)\\s*$");

  @TempDir static Path dataDir;
  @TempDir static Path logs;
  private final List<Process> children = new ArrayList<>();
  private Process child;
  private int port;
  private Fingerprint fingerprint;
  private String token;

  @BeforeAll
  void serve() throws Exception {
    start();
    Matcher made = TOKEN.matcher(output());
    assertThat(made.find()).as(output()).isTrue();
    token = made.group(1);
  }

  @AfterAll
  void stop() throws InterruptedException {
    for (Process process : children) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private void start() throws IOException {
    Path log = logs.resolve("serve-" + children.size() + ".log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "frame.cli.ServerMain",
        "serve", "--tls", "--port", "0", "--data-dir", dataDir.toString());
    child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    children.add(child);
    // as ChildFrame's start: on a loaded 2-core machine a first start that makes its certificate
    // took over a minute
    String started = await().atMost(Duration.ofSeconds(180)).until(() -> {
      if (!child.isAlive()) throw new IllegalStateException("frame serve exited:\n" + Files.readString(log));
      return Files.readString(log);
    }, text -> text.contains("Stop with Ctrl-C"));
    Matcher url = URL.matcher(started);
    assertThat(url.find()).as(started).isTrue();
    port = Integer.parseInt(url.group(1));
    Matcher printed = FINGERPRINT.matcher(started);
    assertThat(printed.find()).as(started).isTrue();
    fingerprint = Fingerprint.parse(printed.group(1));
  }

  private String output() throws IOException {
    return Files.readString(logs.resolve("serve-" + (children.size() - 1) + ".log"));
  }

  private HttpRequest.Builder request(String scheme, String path) {
    return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_client_pinning_the_printed_fingerprint_gets_the_api_over_https_and_any_other_certificate_is_refused()
      throws Exception {
    HttpResponse<String> images = send(PinnedTls.client(fingerprint, Duration.ofSeconds(5)), request("https", "/api/images").build());
    assertThat(images.statusCode()).as(images.body()).isEqualTo(200);
    assertThat(images.body()).contains("\"items\"");

    assertThatThrownBy(() -> send(HttpClient.newHttpClient(), request("https", "/api/images").build()))
        .as("Java's own trust store does not know FRAME's self-signed certificate")
        .isInstanceOf(SSLHandshakeException.class);

    Fingerprint other = Fingerprint.parse(fingerprint.hex().startsWith("00") ? "11".repeat(32) : "00".repeat(32));
    assertThatThrownBy(() -> send(PinnedTls.client(other, Duration.ofSeconds(5)), request("https", "/api/images").build()))
        .isInstanceOf(SSLHandshakeException.class)
        .satisfies(e -> assertThat(PinnedTls.refusal(e)).get().asString()
            .contains("does not match the pinned fingerprint").contains(other.hex()).contains(fingerprint.hex()));
  }

  @Test
  void curl_trusts_the_exported_certificate_as_frame_serve_suggests() throws Exception {
    var curl = java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .map(dir -> Path.of(dir, "curl")).filter(Files::isExecutable).findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(curl.isPresent(), "Skipped: no curl on the PATH");
    Matcher hint = Pattern.compile("Try: curl --cacert '([^']+)' ").matcher(output());
    assertThat(hint.find()).as(output()).isTrue();
    Process run = new ProcessBuilder(curl.get().toString(), "--silent", "--show-error", "--cacert", hint.group(1),
        "-H", "Authorization: Bearer " + token, "https://127.0.0.1:" + port + "/api/images")
        .redirectErrorStream(true).start();
    String answer = new String(run.getInputStream().readAllBytes());
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(answer).isZero();
    assertThat(answer).contains("\"items\"");
  }

  @Test
  void plain_http_on_the_https_port_gets_a_redirect_for_the_page_and_no_api() throws Exception {
    HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> page = send(plain, request("http", "/").build());
    assertThat(page.statusCode()).isEqualTo(301);
    assertThat(page.headers().firstValue("Location")).contains("https://127.0.0.1:" + port + "/");

    HttpResponse<String> images = send(plain, request("http", "/api/images").build());
    assertThat(images.statusCode()).isEqualTo(400);
    assertThat(images.body()).contains("https_required").doesNotContain("\"items\"");

    HttpResponse<String> create = send(plain, request("http", "/api/admin/tokens").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"sent-in-the-clear\"}")).build());
    assertThat(create.statusCode()).isEqualTo(400);
    assertThat(create.body()).contains("https_required").doesNotContain("frame_");
    HttpResponse<String> tokens = send(PinnedTls.client(fingerprint, Duration.ofSeconds(5)),
        request("https", "/api/admin/tokens").build());
    assertThat(tokens.body()).contains("\"default\"").doesNotContain("sent-in-the-clear");
  }

  @Test
  void plain_http_on_the_https_port_answers_only_to_this_frames_own_host_and_keeps_the_query() throws Exception {
    // the Host allowlist comes first: no redirect, nor "use https://..." advice, to another host
    String foreign = plainRequest("/web/app.js?x=1", "evil.example:" + port);
    assertThat(foreign).startsWith("HTTP/1.1 403").contains("host_not_allowed").doesNotContain("evil.example");
    assertThat(plainRequest("/api/images", "evil.example")).startsWith("HTTP/1.1 403").doesNotContain("evil.example");

    String own = plainRequest("/web/app.js?x=1", "127.0.0.1:" + port);
    assertThat(own).startsWith("HTTP/1.1 301").containsIgnoringCase("Location: https://127.0.0.1:" + port + "/web/app.js?x=1")
        .containsIgnoringCase("X-Content-Type-Options: nosniff");
  }

  /** A plain HTTP request with any Host header (Java's HttpClient will not send a foreign one); the answer's head and body. */
  private String plainRequest(String path, String host) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void the_command_line_pins_the_certificate_the_running_frame_wrote_in_its_endpoint_file() throws Exception {
    Path endpoint = dataDir.resolve("frame.endpoint");
    assertThat(Files.readString(endpoint)).contains("\"scheme\":\"https\"").contains(fingerprint.hex());
    CommandRun list = CommandRun.of(dataDir, "token", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("default");

    CommandRun pair = CommandRun.of(dataDir, "pair", "--no-qr");
    assertThat(pair.exitCode()).as(pair.err()).isZero();
    assertThat(pair.out()).contains("https://127.0.0.1:" + port + "/#pair=").contains("&fp=" + fingerprint.hex())
        .contains("fingerprint (SHA-256) is " + fingerprint.hex());

    // someone else's server on that port, or a file edited by someone: the certificate no longer matches
    String published = Files.readString(endpoint);
    Files.writeString(endpoint, published.replace(fingerprint.hex(), "AB:".repeat(31) + "AB"));
    try {
      CommandRun refused = CommandRun.of(dataDir, "token", "list");
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.err()).contains("does not match the pinned fingerprint").doesNotContain("default");
    } finally {
      Files.writeString(endpoint, published);
    }
  }

  @Test
  void the_certificate_is_kept_private_and_the_same_after_a_restart() throws Exception {
    Path keystore = dataDir.resolve("tls").resolve("server.p12");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
    Fingerprint before = fingerprint;
    child.destroy();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    start();
    assertThat(fingerprint).isEqualTo(before);
    HttpResponse<String> health = send(PinnedTls.client(before, Duration.ofSeconds(5)), request("https", "/api/health").build());
    assertThat(health.statusCode()).isEqualTo(200);
  }
}
