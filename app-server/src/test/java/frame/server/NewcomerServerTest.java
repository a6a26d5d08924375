package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import frame.core.testing.CapturedLogs;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What a newcomer met on the server: an upload the client gave up on was an ERROR with a stack
 * trace and a 500, and a path with {@code ..} or NUL got Jetty's HTML page instead of FRAME's JSON.
 */
class NewcomerServerTest {
  @TempDir Path dataDir;
  ServerFixture fixture;
  CapturedLogs logs;
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  Level rootLevel;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(dataDir);
    rootLevel = root.getLevel();
    root.setLevel(Level.INFO);
    logs = CapturedLogs.root();
  }

  @AfterEach
  void stop() {
    logs.close();
    root.setLevel(rootLevel);
    fixture.close();
  }

  @Test
  void an_upload_the_client_abandons_is_one_info_line_and_no_500() throws Exception {
    byte[] photo = jpeg(photo(900, 700, 5));
    String answer;
    try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
      var out = socket.getOutputStream();
      out.write(uploadHead(photo.length + 500));
      out.write(photo, 0, photo.length / 2);
      out.flush();
      socket.shutdownOutput(); // the phone stops sending; it still listens for an answer
      answer = readAll(socket.getInputStream());
    }

    assertThat(answer).as("a client still listening is told, not given a 500")
        .startsWith("HTTP/1.1 400").contains("\"upload_incomplete\"");
    await().atMost(Duration.ofSeconds(10)).until(() -> abandonedLines() == 1);
    assertThat(logs.events()).as("nothing at ERROR or WARN").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    ILoggingEvent line = logs.events().stream().filter(e -> e.getFormattedMessage().contains("ended before")).findFirst().orElseThrow();
    assertThat(line.getLevel()).isEqualTo(Level.INFO);
    assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
    assertThat(fixture.frame.ports().library().countIn(null)).isZero();
  }

  @Test
  void an_upload_cut_off_with_the_connection_is_one_info_line() throws Exception {
    byte[] photo = jpeg(photo(900, 700, 6));
    try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
      var out = socket.getOutputStream();
      out.write(uploadHead(photo.length + 500));
      out.write(photo, 0, photo.length / 2);
      out.flush();
    } // the Wi-Fi is gone

    await().atMost(Duration.ofSeconds(30)).until(() -> abandonedLines() == 1);
    assertThat(logs.events()).as("nothing at ERROR or WARN").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    assertThat(fixture.frame.ports().library().countIn(null)).isZero();
  }

  @Test
  void paths_with_dot_dot_or_nul_get_a_json_error_like_every_other_route() throws Exception {
    for (String path : new String[] {"/api/images/%2e%2e/1", "/api/../api/images", "/api/images/a%00b", "/api/%2e%2e/health", "/..", "/api/images/..;/x", "/api/images/%00"}) {
      String answer = rawGet(path);
      String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
      assertThat(answer).as(path).startsWith("HTTP/1.1 400");
      assertThat(head).as(path).contains("content-type: application/json");
      assertThat(answer).as(path).contains("{\"error\":{").contains("\"code\":\"invalid_path\"").doesNotContain("<html");
    }
  }

  private long abandonedLines() {
    return logs.events().stream().filter(e -> e.getFormattedMessage().contains("ended before")).count();
  }

  private byte[] uploadHead(int contentLength) {
    String boundary = "cut";
    String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"walk.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n";
    return ("POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:" + fixture.server.port() + "\r\n"
        + "Authorization: Bearer " + fixture.token + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\n"
        + "Content-Length: " + (part.length() + contentLength) + "\r\n\r\n" + part).getBytes(StandardCharsets.ISO_8859_1);
  }

  private String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + fixture.server.port()
          + "\r\nAuthorization: Bearer " + fixture.token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      return readAll(socket.getInputStream());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }
}
