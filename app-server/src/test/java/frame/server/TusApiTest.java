package frame.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.library.ImageQuery;
import frame.core.testing.FrameFixture;
import frame.core.testing.SettableClock;
import frame.core.testing.TestImages;
import frame.server.tus.TusJsClient;
import frame.server.tus.TusSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tus 1.0 at /api/tus against a real server: the protocol's answers, expiry, and tus-js-client itself. */
class TusApiTest {
  @TempDir Path dataDir;
  @TempDir Path work;
  final SettableClock clock = new SettableClock();
  final HttpClient http = HttpClient.newHttpClient();
  Frame frame;
  ApiServer server;
  String token;

  @BeforeEach
  void start() {
    frame = FrameFixture.open(dataDir);
    token = FrameTestAccess.tokens(frame).create("tus-test");
    server = ApiServer.start(frame, ServerSettings.defaults(0, false, dataDir),
        TusSettings.defaults(dataDir, 64L << 20).withClock(clock));
  }

  @AfterEach
  void stop() {
    server.close();
    frame.close();
  }

  @Test
  void tus_js_client_uploads_a_photo_with_its_exact_bytes_and_a_second_time_as_a_duplicate() throws Exception {
    byte[] photo = TestImages.jpeg(TestImages.photo(640, 480, 7));
    Path file = TestImages.write(work, "ébène photo.jpg", photo);

    JsonNode first;
    try (TusJsClient.Run run = TusJsClient.start(endpoint(), token, file, "--chunk", "8192")) {
      first = run.next("success", "error");
    }
    assertThat(first.get("event").asText()).as(first.toString()).isEqualTo("success");
    assertThat(first.get("imageStatus").asText()).isEqualTo("stored");
    long id = first.get("imageId").asLong();
    assertThat(Files.readAllBytes(frame.ports().library().files(frame.ports().library().image(id)).original())).isEqualTo(photo);
    assertThat(frame.ports().library().image(id).originalName()).isEqualTo("ébène photo.jpg");

    JsonNode again;
    try (TusJsClient.Run run = TusJsClient.start(endpoint(), token, file)) {
      again = run.next("success", "error");
    }
    assertThat(again.get("imageStatus").asText()).as(again.toString()).isEqualTo("duplicate");
    assertThat(again.get("imageId").asLong()).isEqualTo(id);
    assertThat(frame.ports().library().list(ImageQuery.all())).hasSize(1);
  }

  @Test
  void options_advertises_the_version_extensions_max_size_and_sha256() throws Exception {
    HttpResponse<String> options = send(request("/api/tus").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.headers().firstValue("Tus-Version")).hasValue("1.0.0");
    assertThat(options.headers().firstValue("Tus-Extension")).hasValue("creation,termination,expiration,checksum");
    assertThat(options.headers().firstValue("Tus-Max-Size")).hasValue(Long.toString(64L << 20));
    assertThat(options.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha256");
  }

  @Test
  void a_refusal_before_the_endpoint_says_the_version_too_and_expiry_is_an_imf_fixdate() throws Exception {
    HttpResponse<String> noToken = send(HttpRequest.newBuilder(URI.create(base() + "/api/tus"))
        .header("Tus-Resumable", "1.0.0").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");

    String id = create(10);
    HttpResponse<String> head = send(request("/api/tus/" + id).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    // RFC 7231, as tus 1.0 asks: a two-digit day (the test clock starts on 1 January, 24 h to expire)
    assertThat(head.headers().firstValue("Upload-Expires")).hasValue("Fri, 02 Jan 2026 00:00:00 GMT");
  }

  @Test
  void a_request_without_tus_resumable_is_412() throws Exception {
    HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base() + "/api/tus"))
        .header("Authorization", "Bearer " + token).header("Upload-Length", "10").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(created.statusCode()).isEqualTo(412);
    assertThat(created.headers().firstValue("Tus-Version")).hasValue("1.0.0");
  }

  @Test
  void a_patch_at_the_wrong_offset_is_409_and_changes_nothing() throws Exception {
    String upload = create(100);
    assertThat(patch(upload, 0, new byte[40], null).statusCode()).isEqualTo(204);

    HttpResponse<String> wrong = patch(upload, 10, new byte[20], null);
    assertThat(wrong.statusCode()).isEqualTo(409);
    assertThat(offset(upload)).isEqualTo(40);
  }

  @Test
  void a_bad_checksum_is_460_and_keeps_nothing_while_the_right_one_is_accepted() throws Exception {
    byte[] photo = TestImages.jpeg(TestImages.photo(200, 150, 3));
    String upload = create(photo.length);
    byte[] half = Arrays.copyOf(photo, photo.length / 2);

    HttpResponse<String> bad = patch(upload, 0, half, "sha256 " + sha256Base64(new byte[] {1, 2, 3}));
    assertThat(bad.statusCode()).isEqualTo(460);
    assertThat(offset(upload)).isZero();
    assertThat(Files.size(dataDir.resolve("tus").resolve(upload + ".bytes"))).isZero();

    assertThat(patch(upload, 0, half, "sha256 " + sha256Base64(half)).statusCode()).isEqualTo(204);
    assertThat(offset(upload)).isEqualTo(half.length);
    byte[] rest = Arrays.copyOfRange(photo, half.length, photo.length);
    HttpResponse<String> last = patch(upload, half.length, rest, "sha256 " + sha256Base64(rest));
    assertThat(last.statusCode()).isEqualTo(204);
    assertThat(last.headers().firstValue("Frame-Image-Status")).hasValue("stored");
    // the refused body fed the running hash too: the photo's address is still that of its bytes
    long id = Long.parseLong(last.headers().firstValue("Frame-Image-Id").orElseThrow());
    assertThat(frame.ports().library().image(id).sha256()).isEqualTo(sha256Hex(photo));
  }

  @Test
  void a_completed_upload_is_renamed_into_the_store_under_the_sha256_of_its_bytes_not_copied() throws Exception {
    assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("unix"), "needs inode numbers");
    byte[] photo = TestImages.jpeg(TestImages.photo(640, 480, 9));
    String upload = create(photo.length);
    int third = photo.length / 3;
    assertThat(patch(upload, 0, Arrays.copyOf(photo, third), null).statusCode()).isEqualTo(204);
    byte[] middle = Arrays.copyOfRange(photo, third, 2 * third);
    assertThat(patch(upload, third, middle, "sha256 " + sha256Base64(middle)).statusCode()).isEqualTo(204);
    Object inode = Files.getAttribute(dataDir.resolve("tus").resolve(upload + ".bytes"), "unix:ino");

    HttpResponse<String> last = patch(upload, 2 * third, Arrays.copyOfRange(photo, 2 * third, photo.length), null);

    assertThat(last.headers().firstValue("Frame-Image-Status")).as(last.body()).hasValue("stored");
    var image = frame.ports().library().image(Long.parseLong(last.headers().firstValue("Frame-Image-Id").orElseThrow()));
    assertThat(image.sha256()).isEqualTo(sha256Hex(photo));
    Path original = frame.ports().library().files(image).original();
    assertThat(Files.readAllBytes(original)).isEqualTo(photo);
    assertThat(Files.getAttribute(original, "unix:ino")).as("the same file, renamed").isEqualTo(inode);
    assertThat(dataDir.resolve("tus").resolve(upload + ".bytes")).doesNotExist();
  }

  @Test
  void an_upload_resumed_after_a_restart_rehashes_its_durable_bytes_and_gets_the_right_address() throws Exception {
    byte[] photo = TestImages.jpeg(TestImages.photo(640, 480, 13));
    String upload = create(photo.length);
    int half = photo.length / 2;
    assertThat(patch(upload, 0, Arrays.copyOf(photo, half), null).statusCode()).isEqualTo(204);
    server.close(); // the running hash lived in memory only
    server = ApiServer.start(frame, ServerSettings.defaults(0, false, dataDir),
        TusSettings.defaults(dataDir, 64L << 20).withClock(clock));

    HttpResponse<String> last = patch(upload, half, Arrays.copyOfRange(photo, half, photo.length), null);

    assertThat(last.headers().firstValue("Frame-Image-Status")).as(last.body()).hasValue("stored");
    long id = Long.parseLong(last.headers().firstValue("Frame-Image-Id").orElseThrow());
    assertThat(frame.ports().library().image(id).sha256()).isEqualTo(sha256Hex(photo));
    assertThat(Files.readAllBytes(frame.ports().library().files(frame.ports().library().image(id)).original()))
        .isEqualTo(photo);
  }

  @Test
  void a_checksum_without_its_digest_or_of_another_algorithm_is_400_and_keeps_nothing() throws Exception {
    String upload = create(100);

    HttpResponse<String> noDigest = patch(upload, 0, new byte[40], "sha256");
    HttpResponse<String> md5 = patch(upload, 0, new byte[40], "md5 " + Base64.getEncoder().encodeToString(new byte[16]));

    assertThat(noDigest.statusCode()).isEqualTo(400);
    assertThat(noDigest.body()).contains("invalid_checksum");
    assertThat(md5.statusCode()).isEqualTo(400);
    assertThat(md5.body()).contains("unsupported_checksum");
    assertThat(offset(upload)).isZero();
    assertThat(Files.size(dataDir.resolve("tus").resolve(upload + ".bytes"))).isZero();
  }

  @Test
  void an_unknown_upload_is_404() throws Exception {
    assertThat(send(request("/api/tus/" + "0".repeat(32)).method("HEAD", HttpRequest.BodyPublishers.noBody()))
        .statusCode()).isEqualTo(404);
    assertThat(patch("0123456789abcdef0123456789abcdef", 0, new byte[3], null).statusCode()).isEqualTo(404);
  }

  @Test
  void an_expired_upload_is_refused_and_every_expired_upload_loses_its_bytes() throws Exception {
    String patched = create(100);
    String idle = create(100);
    patch(patched, 0, new byte[30], null);
    patch(idle, 0, new byte[50], null);

    clock.advance(TusSettings.DEFAULT_EXPIRY.plusMinutes(1));
    HttpResponse<String> late = patch(patched, 30, new byte[10], null);
    assertThat(late.statusCode()).isEqualTo(410);
    String fresh = create(10); // creating sweeps the expired ones

    try (Stream<Path> left = Files.list(dataDir.resolve("tus"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(fresh + ".json", fresh + ".bytes");
    }
    assertThat(patch(idle, 50, new byte[10], null).statusCode()).isEqualTo(404);
  }

  @Test
  void terminating_an_upload_removes_its_bytes() throws Exception {
    String upload = create(100);
    patch(upload, 0, new byte[30], null);
    assertThat(send(request("/api/tus/" + upload).DELETE()).statusCode()).isEqualTo(204);
    assertThat(dataDir.resolve("tus").resolve(upload + ".bytes")).doesNotExist();
    assertThat(patch(upload, 30, new byte[10], null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_paired_device_may_upload_but_not_continue_another_callers_upload() throws Exception {
    String device = frame.ports().devices().redeemPairing(frame.ports().devices().createPairing().digits(), "phone").token();
    String mine = create(100);
    HttpResponse<String> stranger = send(request("/api/tus/" + mine).setHeader("Authorization", "Bearer " + device)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(stranger.statusCode()).isEqualTo(404);

    byte[] photo = TestImages.jpeg(TestImages.photo(120, 90, 5));
    HttpResponse<String> created = send(request("/api/tus").setHeader("Authorization", "Bearer " + device)
        .header("Upload-Length", "" + photo.length).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.headers().firstValue("Location").orElseThrow().replace("/api/tus/", "");
    HttpResponse<String> done = send(request("/api/tus/" + id).setHeader("Authorization", "Bearer " + device)
        .header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(photo)));
    assertThat(done.statusCode()).isEqualTo(204);
    assertThat(done.headers().firstValue("Frame-Image-Status")).hasValue("stored");
  }

  @Test
  void a_patch_needs_one_of_the_upload_slots_post_api_upload_uses() throws Exception {
    restartWithNoUploadSlots();
    String upload = create(100);

    HttpResponse<String> busy = patch(upload, 0, new byte[40], null);

    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(offset(upload)).isZero();
  }

  @Test
  void a_busy_answer_to_a_patch_whose_body_is_still_coming_says_the_connection_closes() throws Exception {
    restartWithNoUploadSlots();
    String upload = create(3_000_000);
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write(("PATCH /api/tus/" + upload + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
          + "Authorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
          + "Content-Type: application/offset+octet-stream\r\nContent-Length: 3000000\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(new byte[64 * 1024]);
      out.flush();
      // the rest of the body is never read: a tus client that sent its next PATCH on this
      // connection would wait for an answer that never comes, so the answer says it ends
      var in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      for (int b = in.read(); b >= 0 && head.indexOf("\r\n\r\n") < 0; b = in.read()) head.append((char) b);
      assertThat(head.toString()).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 5")
          .containsIgnoringCase("connection: close");
    }
    assertThat(offset(upload)).isZero();
  }

  @Test
  void a_completed_upload_that_is_no_photo_is_refused_and_stores_nothing() throws Exception {
    byte[] text = "not a photo at all".getBytes(StandardCharsets.UTF_8);
    String upload = create(text.length);
    HttpResponse<String> done = patch(upload, 0, text, null);
    assertThat(done.statusCode()).isEqualTo(415);
    assertThat(frame.ports().library().list(ImageQuery.all())).isEmpty();
    assertThat(dataDir.resolve("tus").resolve(upload + ".bytes")).doesNotExist();
  }

  private void restartWithNoUploadSlots() {
    server.close();
    server = ApiServer.start(frame, ServerSettings.defaults(0, false, dataDir).withMaxConcurrentUploads(0),
        TusSettings.defaults(dataDir, 64L << 20).withClock(clock));
  }

  private String create(long length) throws IOException, InterruptedException {
    HttpResponse<String> created = send(request("/api/tus").header("Upload-Length", Long.toString(length))
        .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("a.jpg".getBytes()))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created.headers().firstValue("Location").orElseThrow().replace("/api/tus/", "");
  }

  private HttpResponse<String> patch(String upload, long offset, byte[] bytes, String checksum)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request("/api/tus/" + upload).header("Upload-Offset", Long.toString(offset))
        .header("Content-Type", "application/offset+octet-stream")
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (checksum != null) request.header("Upload-Checksum", checksum);
    return send(request);
  }

  private long offset(String upload) throws IOException, InterruptedException {
    HttpResponse<String> head = send(request("/api/tus/" + upload).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private String endpoint() {
    return base() + "/api/tus";
  }

  private static String sha256Hex(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String sha256Base64(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
