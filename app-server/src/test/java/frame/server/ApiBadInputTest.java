package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.testing.Multipart;
import frame.core.testing.TestImages;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiBadInputTest {
  @TempDir Path dataDir;
  ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) fixture.close();
  }

  ApiClient api() {
    if (fixture == null) fixture = new ServerFixture(dataDir, s -> s.withMaxFileBytes(2L << 20));
    return fixture.client;
  }

  @Test
  void each_bad_file_gets_its_own_status_and_a_plain_message() {
    byte[] random = new byte[5000];
    new Random(1).nextBytes(random);
    assertError(api().upload("empty.jpg", new byte[0]), 400, "empty_file");
    assertError(api().upload("noise.jpg", random), 415, "unsupported_format");
    assertError(api().upload("bomb.png", TestImages.pngDeclaring(65535, 65535)), 413, "image_too_large");
    assertError(api().upload("cut.jpg", java.util.Arrays.copyOf(jpeg(photo(300, 200, 1)), 40)), 422, "corrupt_image");
    assertThat(fixture.frame.ports().library().countIn(null)).isZero();
  }

  @Test
  void declared_checksum_that_does_not_match_is_422_and_stores_nothing() {
    HttpResponse<byte[]> response = api().upload(new Multipart()
        .file("a.jpg", jpeg(photo(300, 200, 2))).field("sha256", "0".repeat(64)));

    assertError(response, 422, "checksum_mismatch");
    assertThat(fixture.frame.ports().library().countIn(null)).isZero();
    assertThat(filesUnder(dataDir.resolve("storage").resolve("originals"))).isZero();
  }

  @Test
  void matching_declared_checksum_is_accepted() throws Exception {
    byte[] bytes = jpeg(photo(300, 200, 3));
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    assertThat(api().upload(new Multipart().file("a.jpg", bytes).field("sha256", sha)).statusCode()).isEqualTo(201);
  }

  @Test
  void part_over_the_size_limit_is_413_and_leaves_nothing_on_disk() {
    byte[] big = new byte[3 << 20];
    new Random(4).nextBytes(big);

    HttpResponse<byte[]> response = api().upload("huge.jpg", big);

    assertError(response, 413, "too_large");
    assertThat(fixture.frame.ports().library().countIn(null)).isZero();
    assertThat(filesUnder(fixture.settings.uploadTempDir())).isZero();
    assertThat(filesUnder(dataDir.resolve("storage").resolve("tmp"))).isZero();
  }

  @Test
  void multipart_with_ten_thousand_empty_parts_is_refused_cleanly() {
    Multipart many = new Multipart();
    for (int i = 0; i < 10_000; i++) many.field("f" + i, "");
    int status = api().upload(many).statusCode();
    assertThat(status).isBetween(400, 499);
    assertThat(api().get("/api/health").statusCode()).isEqualTo(200);
  }

  @Test
  void requests_that_are_not_multipart_or_hold_no_file_are_400() {
    ApiClient api = api();
    HttpResponse<byte[]> json = api.send(api.request("/api/upload").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
    assertError(json, 400, "not_multipart");
    assertError(api.upload(new Multipart().field("note", "hi")), 400, "no_files");
  }

  @Test
  void malformed_parameters_and_unknown_ids_are_4xx_never_500() {
    ApiClient api = api();
    assertError(api.get("/api/images?limit=-1"), 400, "invalid_parameter");
    assertError(api.get("/api/images?offset=-5"), 400, "invalid_parameter");
    assertError(api.get("/api/images?limit=lots"), 400, "invalid_parameter");
    assertError(api.get("/api/images?status=SHINY"), 400, "invalid_parameter");
    assertError(api.get("/api/admin/jobs?type=NOPE"), 400, "invalid_parameter");
    assertError(api.get("/api/admin/jobs?imageId=x"), 400, "invalid_parameter");
    assertError(api.get("/api/images/999"), 404, "image_not_found");
    assertError(api.get("/api/admin/jobs/999"), 404, "job_not_found");
    assertError(api.get("/api/images/999/preview"), 404, "image_not_found");
    assertError(api.get("/api/nothing-here"), 404, "not_found");
    assertError(api.get("/api/events"), 406, "not_acceptable");
  }

  @Test
  void one_code_for_each_kind_of_bad_input() {
    ApiClient api = api();
    assertError(api.get("/api/images/1/thumbnail/100"), 400, "invalid_size");
    assertError(api.get("/api/images/1/thumbnail/abc"), 400, "invalid_size");
    assertError(api.get("/api/images?stacks=bogus"), 400, "invalid_parameter");
    assertError(api.get("/api/images?unrated=maybe"), 400, "invalid_parameter");
    assertThat(api.get("/api/images?unrated=FALSE").statusCode()).isEqualTo(200);
    assertError(api.sendJson("POST", "/api/pair", "{not json"), 400, "invalid_body");
    assertError(api.sendJson("POST", "/api/admin/tokens", "{not json"), 400, "invalid_body");
    assertError(api.sendJson("POST", "/api/admin/queue/pause", "{not json"), 400, "invalid_body");
  }

  @Test
  void a_json_body_over_the_limit_is_413_on_admin_routes_as_on_the_others() {
    String huge = "{\"name\": \"" + "x".repeat(2 << 20) + "\"}";
    assertError(api().sendJson("POST", "/api/admin/tokens", huge), 413, "too_large");
    assertError(api().sendJson("PATCH", "/api/images/2", huge), 413, "too_large");
    assertError(api().sendJson("POST", "/api/pair", "{\"code\": \"" + "1".repeat(20_000) + "\"}"), 413, "too_large");
  }

  @Test
  void preview_of_an_image_still_processing_is_404_until_made() {
    ServerFixture paused = new ServerFixture(dataDir.resolve("paused"));
    try {
      // a second FRAME whose runner we stop at once, so nothing gets made
      frame.core.FrameTestAccess.runner(paused.frame).close();
      long id = json(paused.client.upload("a.jpg", jpeg(photo(300, 200, 5)))).get("image").get("id").asLong();
      assertError(paused.client.get("/api/images/" + id + "/preview"), 404, "not_found");
    } finally {
      paused.close();
    }
  }

  @Test
  void too_many_uploads_at_once_get_503_with_retry_after() {
    fixture = new ServerFixture(dataDir, s -> s.withMaxConcurrentUploads(0));
    HttpResponse<byte[]> response = fixture.client.upload("a.jpg", jpeg(photo(300, 200, 6)));
    assertError(response, 503, "busy");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
  }

  @Test
  void a_busy_answer_to_a_body_still_coming_says_the_connection_closes() throws Exception {
    fixture = new ServerFixture(dataDir, s -> s.withMaxConcurrentUploads(0));
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fixture.server.port())) {
      var out = startUpload(socket, 3_000_000);
      out.write(new byte[64 * 1024]);
      out.flush();
      // the rest of the body is never read: a client that sent its next request on this connection
      // would wait for an answer that never comes, so the answer says the connection ends
      var in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      for (int b = in.read(); b >= 0 && head.indexOf("\r\n\r\n") < 0; b = in.read()) head.append((char) b);
      assertThat(head.toString()).startsWith("HTTP/1.1 503").containsIgnoringCase("connection: close");
    }
  }

  @Test
  void slow_drip_upload_is_cut_off_by_the_idle_timeout() throws Exception {
    fixture = new ServerFixture(dataDir, s -> s.withIdleTimeout(java.time.Duration.ofMillis(500)));
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fixture.server.port())) {
      var out = startUpload(socket, 100_000);
      out.flush();
      long started = System.nanoTime();
      // then nothing: the server must give up on us rather than hold the connection for ever
      byte[] answer = socket.getInputStream().readAllBytes();
      assertThat(System.nanoTime() - started).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(14));
      String text = new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(text.isEmpty() || !text.startsWith("HTTP/1.1 2")).as(text).isTrue();
    }
    assertThat(fixture.client.get("/api/health").statusCode()).isEqualTo(200);
    assertThat(fixture.frame.ports().library().countIn(null)).isZero();
  }

  /** A multipart upload's head and first boundary, by hand: the test decides how the body goes on. */
  private java.io.OutputStream startUpload(java.net.Socket socket, long contentLength) throws IOException {
    socket.setSoTimeout(15_000);
    var out = socket.getOutputStream();
    out.write(("POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:" + fixture.server.port() + "\r\n"
        + "Authorization: Bearer " + fixture.token + "\r\n"
        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + contentLength + "\r\n\r\n--b\r\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    return out;
  }

  private static void assertError(HttpResponse<byte[]> response, int status, String code) {
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(status);
    assertThat(json(response).get("error").get("code").asText()).isEqualTo(code);
    assertThat(json(response).get("error").get("message").asText()).isNotBlank();
  }

  private static long filesUnder(Path dir) {
    if (!Files.exists(dir)) return 0;
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
