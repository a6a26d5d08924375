package frame.server.localsend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.Frame;
import frame.core.api.culling.ShootSource;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.testing.FrameFixture;
import frame.core.testing.TestImages;
import frame.server.ApiServer;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FRAME as a LocalSend v2 receiver on a loopback HTTPS port (no multicast: U6), with the npm
 * {@code localsend} CLI as the sender where it can say what the test needs, and a plain HTTPS
 * client for the protocol's answers.
 */
class LocalSendReceiverTest {
  static final String PIN = "482913";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path photos;
  Frame frame;
  LocalSendReceiver receiver;

  private LocalSendReceiver start(LocalSendSettings settings, Approval approval) {
    frame = FrameFixture.open(dataDir);
    receiver = LocalSendReceiver.start(frame.ports(), settings.withoutMulticast(), approval,
        ApiServer.certificate(dataDir, false), "127.0.0.1");
    return receiver;
  }

  @AfterEach
  void stop() {
    if (receiver != null) receiver.close();
    if (frame != null) frame.close();
  }

  @Test
  void u4_a_sender_with_the_pin_sends_a_photo_that_is_processed_with_its_exact_bytes() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    byte[] photo = TestImages.jpeg(TestImages.photo(640, 480, 9));
    Path file = TestImages.write(photos, "from phone.jpg", photo);

    LocalSendCli.Sent sent = LocalSendCli.send(receiver.port(), file, PIN);

    assertThat(sent.exitCode()).as(sent.output()).isZero();
    List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(120));
    assertThat(images).hasSize(1);
    assertThat(images.get(0).state()).isEqualTo(ImageState.PROCESSED);
    assertThat(images.get(0).originalName()).isEqualTo("from phone.jpg");
    assertThat(Files.readAllBytes(frame.ports().library().files(images.get(0)).original())).isEqualTo(photo);
    // the arrival is a shoot named after the sender, like a phone's session
    assertThat(frame.ports().culling().shoots()).singleElement().satisfies(shoot -> {
      assertThat(shoot.name()).isEqualTo("Test phone");
      assertThat(shoot.source()).isEqualTo(ShootSource.LOCALSEND);
      assertThat(shoot.photos()).isEqualTo(1);
    });
  }

  @Test
  void u4_a_wrong_pin_is_401_and_stores_nothing() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    Path file = TestImages.write(photos, "a.jpg", TestImages.jpeg(TestImages.photo(320, 240, 2)));

    LocalSendCli.Sent sent = LocalSendCli.send(receiver.port(), file, "000000");
    HttpResponse<String> prepared = prepare("?pin=000000", Map.of("f1", fileInfo("f1", "a.jpg", 10, null)));

    assertThat(sent.exitCode()).as(sent.output()).isNotZero();
    assertThat(prepared.statusCode()).isEqualTo(401);
    assertThat(frame.ports().library().list(ImageQuery.all())).isEmpty();
  }

  @Test
  void after_ten_wrong_pins_even_the_right_one_waits_a_minute() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    for (int i = 0; i < 10; i++) {
      assertThat(prepare("?pin=00000" + i, Map.of("f", fileInfo("f", "f.jpg", 10, null))).statusCode()).isEqualTo(401);
    }
    assertThat(prepare("?pin=" + PIN, Map.of("f", fileInfo("f", "f.jpg", 10, null))).statusCode()).isEqualTo(429);
  }

  @Test
  void u5_prepare_of_photos_frame_holds_gives_no_tokens_and_non_photos_are_refused_with_the_reason() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    byte[] photo = TestImages.jpeg(TestImages.photo(320, 240, 4));
    frame.ports().imports().importFile(TestImages.write(photos, "held.jpg", photo));

    HttpResponse<String> held = prepare("?pin=" + PIN,
        Map.of("h", fileInfo("h", "held.jpg", photo.length, sha256(photo))));
    HttpResponse<String> text = prepare("?pin=" + PIN, Map.of("t", fileInfo("t", "notes.txt", 40, null)));
    HttpResponse<String> both = prepare("?pin=" + PIN, Map.of(
        "h", fileInfo("h", "held.jpg", photo.length, sha256(photo)), "n", fileInfo("n", "new.jpg", 999, null)));

    assertThat(held.statusCode()).isEqualTo(204);
    assertThat(text.statusCode()).isEqualTo(403);
    assertThat(text.body()).contains("not a photo");
    JsonNode answer = JSON.readTree(both.body());
    assertThat(answer.get("files").has("n")).isTrue();
    assertThat(answer.get("files").has("h")).isFalse();
    assertThat(answer.get("refused").get("h").asText()).contains("has this photo already");
  }

  @Test
  void a_session_cancelled_mid_transfer_leaves_no_partial_photo() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    byte[] photo = java.util.Arrays.copyOf(TestImages.jpeg(TestImages.photo(800, 600, 6)), 4 << 20);
    JsonNode session = JSON.readTree(prepare("?pin=" + PIN, Map.of("p", fileInfo("p", "p.jpg", photo.length, null))).body());
    String sessionId = session.get("sessionId").asText();

    PipedOutputStream sender = new PipedOutputStream();
    InputStream body = new PipedInputStream(sender, 1 << 16);
    CompletableFuture<HttpResponse<String>> upload = http().sendAsync(request("/upload?sessionId=" + sessionId
        + "&fileId=p&token=" + session.get("files").get("p").asText())
        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
            photo.length)).build(), HttpResponse.BodyHandlers.ofString());
    sender.write(photo, 0, photo.length / 2);
    sender.flush();
    // mid-transfer: FRAME's ingest is writing the bytes into its temp file
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partFileBytes() > 0);
    HttpResponse<String> cancelled = http().send(request("/cancel?sessionId=" + sessionId)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    sender.write(photo, photo.length / 2, 1 << 16); // the sender had more on the way
    sender.flush();

    assertThat(cancelled.statusCode()).isEqualTo(200);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partFileBytes() == 0);
    assertThat(frame.ports().library().list(ImageQuery.all())).isEmpty();
    HttpResponse<String> after = http().send(request("/upload?sessionId=" + sessionId + "&fileId=p&token="
        + session.get("files").get("p").asText()).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[16])).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).as("the cancelled session takes no more files").isEqualTo(403);
    sender.close();
    upload.cancel(true);
  }

  @Test
  void one_token_brings_one_photo_even_when_two_requests_send_it_at_once() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    byte[] first = java.util.Arrays.copyOf(TestImages.jpeg(TestImages.photo(800, 600, 7)), 2 << 20);
    byte[] other = java.util.Arrays.copyOf(TestImages.jpeg(TestImages.photo(800, 600, 8)), 2 << 20);
    JsonNode session = JSON.readTree(prepare("?pin=" + PIN, Map.of("p", fileInfo("p", "p.jpg", first.length, null))).body());
    String upload = "/upload?sessionId=" + session.get("sessionId").asText() + "&fileId=p&token="
        + session.get("files").get("p").asText();

    PipedOutputStream sender = new PipedOutputStream();
    InputStream body = new PipedInputStream(sender, 1 << 16);
    CompletableFuture<HttpResponse<String>> sending = http().sendAsync(request(upload)
        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
            first.length)).build(), HttpResponse.BodyHandlers.ofString());
    sender.write(first, 0, first.length / 2);
    sender.flush();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partFileBytes() > 0);

    HttpResponse<String> second = http().send(request(upload).POST(HttpRequest.BodyPublishers.ofByteArray(other)).build(),
        HttpResponse.BodyHandlers.ofString());
    sender.write(first, first.length / 2, first.length - first.length / 2);
    sender.close();

    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(sending.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(frame.ports().library().list(ImageQuery.all())).singleElement()
        .satisfies(image -> assertThat(image.sha256()).isEqualTo(sha256(first)));
  }

  @Test
  void a_file_over_the_size_limit_is_refused_at_prepare_and_a_body_that_is_no_json_is_400() throws Exception {
    start(LocalSendSettings.of(0, PIN).withMaxFileBytes(1 << 20), Approval.NOBODY);

    HttpResponse<String> large = prepare("?pin=" + PIN, Map.of("l", fileInfo("l", "large.jpg", 2 << 20, null)));
    HttpResponse<String> absurd = prepare("?pin=" + PIN, Map.of("l", fileInfo("l", "absurd.jpg", 1_000_000_000_000_000L, null)));
    assertThat(large.statusCode()).isEqualTo(403);
    assertThat(large.body()).contains("larger than the 1 MiB FRAME takes in one file");
    assertThat(absurd.statusCode()).isEqualTo(403);

    for (String path : List.of("/register", "/prepare-upload", "/prepare-upload?pin=" + PIN)) {
      HttpResponse<String> garbage = http().send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("garbage")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(garbage.statusCode()).as(path).isEqualTo(400);
      assertThat(garbage.body()).as(path).contains("Invalid body").doesNotContain("Unrecognized token");
    }
    HttpResponse<String> nullFile = http().send(request("/prepare-upload?pin=" + PIN)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"info\": {\"alias\": \"n\"}, \"files\": {\"a\": null}}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(nullFile.statusCode()).isEqualTo(400);
    assertThat(frame.ports().library().list(ImageQuery.all())).isEmpty();
  }

  @Test
  void a_damaged_photo_is_422_as_on_the_rest_upload_and_a_senders_name_keeps_no_line_break() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    byte[] cut = java.util.Arrays.copyOf(TestImages.jpeg(TestImages.photo(800, 600, 9)), 20); // its header cut before the frame
    Map<String, Object> info = Map.of("alias", "Evil phone\nINJECT", "version", "2.0", "deviceType", "mobile",
        "fingerprint", "test", "port", 53317, "protocol", "https");
    HttpResponse<String> prepared = http().send(request("/prepare-upload?pin=" + PIN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("info", info,
            "files", Map.of("c", fileInfo("c", "cut.jpg", cut.length, null)))))).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode session = JSON.readTree(prepared.body());

    HttpResponse<String> sent = http().send(request("/upload?sessionId=" + session.get("sessionId").asText()
        + "&fileId=c&token=" + session.get("files").get("c").asText()).POST(HttpRequest.BodyPublishers.ofByteArray(cut))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(422);
    assertThat(sent.body()).contains("damaged or truncated");
    Path good = TestImages.write(photos, "good.jpg", TestImages.jpeg(TestImages.photo(320, 240, 10)));
    HttpResponse<String> again = http().send(request("/prepare-upload?pin=" + PIN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("info", info,
            "files", Map.of("g", fileInfo("g", "good.jpg", Files.size(good), null)))))).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode second = JSON.readTree(again.body());
    assertThat(http().send(request("/upload?sessionId=" + second.get("sessionId").asText() + "&fileId=g&token="
        + second.get("files").get("g").asText()).POST(HttpRequest.BodyPublishers.ofFile(good)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(frame.ports().culling().shoots()).extracting(shoot -> shoot.name()).containsExactly("Evil phone INJECT");
  }

  @Test
  void a_session_nobody_sends_to_loses_its_tokens_after_its_life() throws Exception {
    start(LocalSendSettings.of(0, PIN).withSessionLife(Duration.ofSeconds(1)), Approval.NOBODY);
    byte[] photo = TestImages.jpeg(TestImages.photo(320, 240, 11));
    JsonNode left = JSON.readTree(prepare("?pin=" + PIN, Map.of("p", fileInfo("p", "p.jpg", photo.length, null))).body());

    Thread.sleep(1_500); // the sender went away
    JsonNode next = JSON.readTree(prepare("?pin=" + PIN, Map.of("q", fileInfo("q", "q.jpg", photo.length, null))).body());
    HttpResponse<String> late = http().send(request("/upload?sessionId=" + left.get("sessionId").asText()
        + "&fileId=p&token=" + left.get("files").get("p").asText()).POST(HttpRequest.BodyPublishers.ofByteArray(photo))
        .build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> fresh = http().send(request("/upload?sessionId=" + next.get("sessionId").asText()
        + "&fileId=q&token=" + next.get("files").get("q").asText()).POST(HttpRequest.BodyPublishers.ofByteArray(photo))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(late.statusCode()).as("an abandoned session's token").isEqualTo(403);
    assertThat(fresh.statusCode()).isEqualTo(200);
  }

  @Test
  void two_files_of_a_session_stream_into_ingest_at_the_same_time() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    byte[] first = java.util.Arrays.copyOf(TestImages.jpeg(TestImages.photo(640, 480, 7)), 2 << 20);
    byte[] second = java.util.Arrays.copyOf(TestImages.jpeg(TestImages.photo(640, 480, 8)), 2 << 20);
    JsonNode session = JSON.readTree(prepare("?pin=" + PIN, Map.of(
        "a", fileInfo("a", "a.jpg", first.length, sha256(first)),
        "b", fileInfo("b", "b.jpg", second.length, sha256(second)))).body());
    PipedOutputStream toA = new PipedOutputStream();
    PipedOutputStream toB = new PipedOutputStream();
    CompletableFuture<HttpResponse<String>> a = streamed(session, "a", new PipedInputStream(toA, 1 << 16), first.length);
    CompletableFuture<HttpResponse<String>> b = streamed(session, "b", new PipedInputStream(toB, 1 << 16), second.length);
    toA.write(first, 0, first.length / 2);
    toB.write(second, 0, second.length / 2);

    // both halves are in FRAME's ingest before either file is whole
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partFiles() == 2);
    toA.write(first, first.length / 2, first.length - first.length / 2);
    toA.close();
    toB.write(second, second.length / 2, second.length - second.length / 2);
    toB.close();

    assertThat(a.get().statusCode()).as(a.get().body()).isEqualTo(200);
    assertThat(b.get().statusCode()).as(b.get().body()).isEqualTo(200);
    assertThat(frame.ports().library().list(ImageQuery.all())).extracting(Image::originalName)
        .containsExactlyInAnyOrder("a.jpg", "b.jpg");
  }

  @Test
  void a_60_mb_raw_that_the_cli_sends_in_chunks_arrives_with_its_exact_bytes() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    // a camera file of 60 MB: a real JPEG, then 60 MB of data after its end, as big originals carry
    byte[] photo = grownTo(TestImages.jpeg(TestImages.photo(1024, 768, 12)), 60 << 20);
    Path file = TestImages.write(photos, "laptop raw.jpg", photo);

    LocalSendCli.Sent sent = LocalSendCli.send(receiver.port(), file, PIN);

    assertThat(sent.exitCode()).as(sent.output()).isZero();
    assertThat(sent.output()).as("the CLI sends files over 50 MB in chunks").contains("uploading in chunks");
    List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(180));
    assertThat(images).singleElement().satisfies(image -> {
      assertThat(image.originalName()).isEqualTo("laptop raw.jpg");
      assertThat(image.sha256()).isEqualTo(sha256(photo));
      assertThat(image.byteSize()).isEqualTo(photo.length);
    });
    assertThat(sha256(Files.readAllBytes(frame.ports().library().files(images.get(0)).original())))
        .isEqualTo(sha256(photo));
  }

  @Test
  void chunks_with_a_gap_or_an_overlap_are_refused_keep_nothing_and_the_file_can_start_again() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    int mb = 1 << 20;
    byte[] photo = grownTo(TestImages.jpeg(TestImages.photo(800, 600, 13)), 3 * mb);
    JsonNode session = JSON.readTree(prepare("?pin=" + PIN,
        Map.of("p", fileInfo("p", "p.jpg", photo.length, sha256(photo)))).body());

    assertThat(chunk(session, photo, 0, mb).statusCode()).isEqualTo(200);
    HttpResponse<String> gap = chunk(session, photo, 2 * mb, mb);
    assertThat(gap.statusCode()).isEqualTo(409);
    assertThat(gap.body()).contains("leaves a gap", "must start at byte " + mb);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partFileBytes() == 0);
    assertThat(chunk(session, photo, mb, mb).statusCode()).as("the dropped file starts again at byte 0").isEqualTo(409);

    assertThat(chunk(session, photo, 0, mb).statusCode()).isEqualTo(200);
    HttpResponse<String> overlap = chunk(session, photo, mb / 2, mb);
    assertThat(overlap.statusCode()).isEqualTo(409);
    assertThat(overlap.body()).contains("leaves an overlap");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partFileBytes() == 0);
    assertThat(frame.ports().library().list(ImageQuery.all())).isEmpty();

    for (int start = 0; start < photo.length; start += mb) {
      HttpResponse<String> sent = chunk(session, photo, start, mb);
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }
    assertThat(frame.ports().library().list(ImageQuery.all())).singleElement()
        .satisfies(image -> assertThat(image.sha256()).isEqualTo(sha256(photo)));
  }

  @Test
  void a_session_cancelled_between_chunks_keeps_nothing_of_the_file() throws Exception {
    start(LocalSendSettings.of(0, PIN), Approval.NOBODY);
    int mb = 1 << 20;
    byte[] photo = grownTo(TestImages.jpeg(TestImages.photo(800, 600, 14)), 2 * mb);
    JsonNode session = JSON.readTree(prepare("?pin=" + PIN, Map.of("p", fileInfo("p", "p.jpg", photo.length, null))).body());

    assertThat(chunk(session, photo, 0, mb).statusCode()).isEqualTo(200);
    org.awaitility.Awaitility.await("the first chunk is in FRAME's ingest").atMost(Duration.ofSeconds(30))
        .until(() -> partFileBytes() > 0);
    HttpResponse<String> cancelled = http().send(request("/cancel?sessionId=" + session.get("sessionId").asText())
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(cancelled.statusCode()).isEqualTo(200);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partFileBytes() == 0 && partFiles() == 0);
    assertThat(chunk(session, photo, mb, 16).statusCode()).as("the cancelled session takes no more chunks")
        .isEqualTo(403);
    assertThat(frame.ports().library().list(ImageQuery.all())).isEmpty();
  }

  @Test
  void a_file_whose_next_chunk_never_comes_is_dropped_after_the_patience() throws Exception {
    start(LocalSendSettings.of(0, PIN).withChunkPatience(Duration.ofSeconds(1)), Approval.NOBODY);
    int mb = 1 << 20;
    byte[] photo = grownTo(TestImages.jpeg(TestImages.photo(800, 600, 15)), 2 * mb);
    JsonNode session = JSON.readTree(prepare("?pin=" + PIN, Map.of("p", fileInfo("p", "p.jpg", photo.length, null))).body());

    assertThat(chunk(session, photo, 0, mb).statusCode()).isEqualTo(200);

    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> partFileBytes() == 0);
    HttpResponse<String> late = chunk(session, photo, mb, mb);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("first chunk of a file starts at byte 0");
    assertThat(frame.ports().library().list(ImageQuery.all())).isEmpty();
  }

  /** One chunk as the npm CLI sends it: its own POST, {@code X-Content-Range: bytes START-END/TOTAL}. */
  private HttpResponse<String> chunk(JsonNode session, byte[] file, int start, int length) throws Exception {
    int end = Math.min(start + length, file.length) - 1;
    return http().send(request("/upload?sessionId=" + session.get("sessionId").asText() + "&fileId=p&token="
        + session.get("files").get("p").asText())
        .header("X-Content-Range", "bytes " + start + "-" + end + "/" + file.length)
        .POST(HttpRequest.BodyPublishers.ofByteArray(file, start, end - start + 1)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code jpeg} followed by random bytes up to {@code size}: still a valid JPEG, of a camera file's size. */
  private static byte[] grownTo(byte[] jpeg, int size) {
    byte[] grown = java.util.Arrays.copyOf(jpeg, size);
    byte[] tail = new byte[size - jpeg.length];
    new java.util.Random(size).nextBytes(tail);
    System.arraycopy(tail, 0, grown, jpeg.length, tail.length);
    return grown;
  }

  private CompletableFuture<HttpResponse<String>> streamed(JsonNode session, String fileId, InputStream body, long size)
      throws Exception {
    return http().sendAsync(request("/upload?sessionId=" + session.get("sessionId").asText() + "&fileId=" + fileId
        + "&token=" + session.get("files").get(fileId).asText())
        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), size))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private long partFiles() throws java.io.IOException {
    try (var files = Files.walk(dataDir)) {
      return files.filter(p -> p.toString().endsWith(".part") && p.toFile().length() > 0).count();
    }
  }

  @Test
  void without_a_pin_an_unanswered_session_is_refused_after_the_timeout() throws Exception {
    CompletableFuture<Boolean> unanswered = new CompletableFuture<>();
    start(LocalSendSettings.of(0, null).withAnswerTimeout(Duration.ofSeconds(1)), offer -> unanswered);
    long start = System.nanoTime();
    HttpResponse<String> prepared = prepare("", Map.of("f", fileInfo("f", "f.jpg", 10, null)));
    assertThat(prepared.statusCode()).isEqualTo(403);
    assertThat(prepared.body()).contains("Rejected");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited for someone at the window")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(unanswered).as("the window stops asking").isCompletedWithValue(false);
    assertThat(frame.ports().library().list(ImageQuery.all())).isEmpty();
  }

  @Test
  void without_a_pin_the_photographers_accept_admits_the_session_and_sees_alias_count_and_size() throws Exception {
    CompletableFuture<SessionOffer> asked = new CompletableFuture<>();
    start(LocalSendSettings.of(0, null), offer -> {
      asked.complete(offer);
      return CompletableFuture.completedFuture(true);
    });
    HttpResponse<String> prepared = prepare("", Map.of("a", fileInfo("a", "a.jpg", 10, null),
        "b", fileInfo("b", "b.jpg", 32, null)));
    assertThat(prepared.statusCode()).isEqualTo(200);
    assertThat(asked.get()).isEqualTo(new SessionOffer("Test phone", 2, 42));
  }

  private long partFileBytes() throws java.io.IOException {
    try (var files = Files.walk(dataDir)) {
      return files.filter(p -> p.toString().endsWith(".part")).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static Map<String, Object> fileInfo(String id, String name, long size, String sha256) {
    Map<String, Object> file = new java.util.HashMap<>(Map.of("id", id, "fileName", name, "size", size,
        "fileType", "application/octet-stream"));
    if (sha256 != null) file.put("sha256", sha256);
    return file;
  }

  private HttpResponse<String> prepare(String query, Map<String, Object> files) throws Exception {
    Map<String, Object> info = Map.of("alias", "Test phone", "version", "2.0", "deviceType", "mobile",
        "fingerprint", "test", "port", 53317, "protocol", "https");
    byte[] body = JSON.writeValueAsBytes(Map.of("info", info, "files", files));
    return http().send(request("/prepare-upload" + query).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + receiver.port() + "/api/localsend/v2" + path))
        .timeout(Duration.ofSeconds(60));
  }

  /** LocalSend senders accept the receiver's self-signed certificate (its fingerprint is the identity). */
  private static HttpClient http() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new X509TrustManager() {
      public void checkClientTrusted(X509Certificate[] chain, String auth) {}
      public void checkServerTrusted(X509Certificate[] chain, String auth) {}
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    return HttpClient.newBuilder().sslContext(tls).build();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
