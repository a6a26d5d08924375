package frame.reliability;

import static org.awaitility.Awaitility.await;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.testing.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.api.config.FrameConfig;
import frame.core.db.Database;
import frame.core.job.NewJob;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in every window, against FRAME in a child JVM. C1 loops
 * {@code -Dframe.reliability.rounds} times (default 2; 20 for a nightly run).
 */
class CrashRecoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void c1_every_acknowledged_upload_survives_kill_minus_9() throws Exception {
    int rounds = Integer.getInteger("frame.reliability.rounds", 2);
    int acknowledged = 0;
    ChildFrame frame = new ChildFrame(dataDir);
    for (int round = 0; round < rounds; round++) {
      frame.start();
      for (int i = 0; i < 50; i++) {
        HttpResponse<String> response = frame.upload("IMG_" + i + ".jpg", jpeg(photo(320, 240, round * 1000L + i)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        acknowledged++;
      }
      frame.kill(); // right after the last 201

      frame.start();
      assertThat(total(frame, "/api/images?limit=1")).as("round %d", round).isEqualTo(acknowledged);
      frame.kill();
    }
    assertEveryOriginalMatchesItsName(acknowledged);
  }

  @Test
  void c2_uploads_cut_off_by_a_crash_leave_no_row_no_file_and_no_temp_file() throws Exception {
    ChildFrame frame = new ChildFrame(dataDir).start();
    for (int i = 0; i < 3; i++) assertThat(frame.upload("done" + i + ".jpg", jpeg(photo(320, 240, i))).statusCode()).isEqualTo(201);
    List<Socket> midStream = new ArrayList<>();
    // over the 1 MiB a part may keep in memory even when cut in half, so its bytes go to disk at once
    byte[] big = new byte[4 << 20];
    new java.util.Random(99).nextBytes(big);
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    for (int i = 0; i < 8; i++) midStream.add(startUpload(frame, "partial" + i + ".jpg", big, big.length / 2));
    // the kill must find them mid-stream: wait until the server is writing their bytes to disk
    await("uploads being received").atMost(Duration.ofSeconds(30))
        .until(() -> filesUnder(dataDir.resolve("storage").resolve("tmp")).size()
            + filesUnder(dataDir.resolve("tmp").resolve("uploads")).size() > 0);

    frame.kill();
    for (Socket socket : midStream) socket.close();
    frame.start();

    assertThat(total(frame, "/api/images?limit=1")).isEqualTo(3);
    frame.stop();
    assertThat(filesUnder(dataDir.resolve("storage").resolve("tmp"))).isEmpty();
    assertThat(filesUnder(dataDir.resolve("tmp").resolve("uploads"))).isEmpty();
    assertEveryOriginalMatchesItsName(3);
  }

  @Test
  void c3_crash_between_blob_and_commit_or_commit_and_answer_then_a_retry_gives_one_image() throws Exception {
    byte[] first = jpeg(photo(320, 240, 1));
    byte[] second = jpeg(photo(320, 240, 2));
    ChildFrame normal = new ChildFrame(dataDir).start();
    normal.stop(); // learn the token

    ChildFrame afterBlob = normal.withOptions("-Dframe.crashAt=ingest:after-blob-move").start();
    assertThatThrownBy(() -> afterBlob.upload("a.jpg", first)).isInstanceOf(IOException.class);
    assertThat(afterBlob.awaitDeath(Duration.ofSeconds(30))).isTrue();
    assertThat(filesUnder(dataDir.resolve("storage").resolve("originals"))).as("an orphan blob").hasSize(1);

    normal.start();
    HttpResponse<String> retry = normal.upload("a.jpg", first);
    assertThat(retry.statusCode()).as("the orphan is adopted").isEqualTo(201);
    normal.stop();

    ChildFrame afterCommit = normal.withOptions("-Dframe.crashAt=ingest:after-commit").start();
    assertThatThrownBy(() -> afterCommit.upload("b.jpg", second)).isInstanceOf(IOException.class);
    assertThat(afterCommit.awaitDeath(Duration.ofSeconds(30))).isTrue();

    normal.start();
    HttpResponse<String> again = normal.upload("b.jpg", second);
    assertThat(again.statusCode()).as("already committed: a duplicate, not a second row").isEqualTo(200);
    JsonNode image = JSON.readTree(again.body()).get("image");
    assertThat(total(normal, "/api/images?limit=1")).isEqualTo(2);
    assertThat(JSON.readTree(normal.get("/api/images/" + image.get("id").asLong()).body()).get("image").get("originalName").asText())
        .isEqualTo("b.jpg");
    normal.stop();
    assertEveryOriginalMatchesItsName(2);
  }

  @Test
  void c5_a_job_that_halts_the_jvm_every_time_ends_failed_and_the_jobs_behind_it_complete() throws Exception {
    // one worker: every job that runs when the JVM dies is the poisoned one, not a bystander
    ChildFrame normal = new ChildFrame(dataDir).withServeArgs("--workers", "1").start();
    normal.upload("first.jpg", jpeg(photo(320, 240, 1)));
    awaitFinal(normal, 1);
    normal.stop();
    // image 2's thumbnail job kills the JVM whenever it starts
    ChildFrame poisoned = normal.withOptions("-Dframe.crashAt=job:THUMBNAIL_GENERATION:2").start();
    try {
      poisoned.upload("poison.jpg", jpeg(photo(320, 240, 2)));
    } catch (IOException e) {
      // the JVM may halt before it answers: the photo is committed already
    }
    int crashes = 0;
    boolean behindUploaded = false;
    while (crashes < 12 && poisoned.awaitDeath(Duration.ofSeconds(15))) {
      crashes++;
      try {
        poisoned.start();
        if (!behindUploaded) {
          poisoned.upload("behind.jpg", jpeg(photo(320, 240, 3)));
          behindUploaded = true;
        }
      } catch (IllegalStateException | IOException e) {
        // the taken-back job ran again at once and halted this life too: that is the next crash
        if (e instanceof IllegalStateException && !e.getMessage().contains("(137)")) throw e;
      }
    }
    JsonNode poison = awaitFinal(poisoned, 2);
    assertThat(crashes).as("one crash per run, up to the interruption budget").isEqualTo(NewJob.DEFAULT_MAX_INTERRUPTIONS);
    assertThat(poison.get("status").asText()).isEqualTo("FAILED");
    assertThat(poison.get("failureReason").asText()).contains("Stopped FRAME 6 times while making the thumbnails");
    if (!behindUploaded) poisoned.upload("behind.jpg", jpeg(photo(320, 240, 3)));
    assertThat(awaitFinal(poisoned, 3).get("status").asText()).isEqualTo("PROCESSED");
    poisoned.stop();
  }

  @Test
  void c6_d4_sigterm_stops_gracefully_leaving_nothing_running_and_no_log_to_replay() throws Exception {
    ChildFrame frame = new ChildFrame(dataDir).start();
    for (int i = 0; i < 10; i++) frame.upload("p" + i + ".jpg", jpeg(photo(1600, 1200, i)));

    int exit = frame.stop();

    assertThat(exit).isIn(0, 143);
    assertThat(Files.exists(dataDir.resolve("db").resolve("frame.log"))
        && Files.size(dataDir.resolve("db").resolve("frame.log")) > 0).as("a log to replay").isFalse();
    try (Database database = Database.open(FrameConfig.inDataDir(dataDir).databaseUrl(), 2)) {
      long running = database.jdbc().queryOne("SELECT COUNT(*) FROM job WHERE state = 'RUNNING'", r -> r.getLong(1)).orElseThrow();
      assertThat(running).isZero();
    }
  }

  @Test
  void d2_a_second_frame_on_the_same_data_folder_exits_naming_the_first() throws Exception {
    try (ChildFrame first = new ChildFrame(dataDir).start()) {
      // a second FRAME proper: the listing commands would talk to the first instead (issue 13)
      ChildFrame.Finished second = first.runAnother("serve", "--port", "0");

      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.output()).contains("Data folder in use by another FRAME (pid " + first.pid() + ")");
      assertThat(first.get("/api/health").statusCode()).as("the first is unharmed").isEqualTo(200);
    }
  }

  private static Socket startUpload(ChildFrame frame, String name, byte[] bytes, int sendBytes) throws IOException {
    Socket socket = new Socket("127.0.0.1", frame.port());
    Multipart multipart = new Multipart();
    byte[] head = multipart.head(name);
    int length = head.length + bytes.length + multipart.tail().length;
    OutputStream out = socket.getOutputStream();
    out.write(("POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:" + frame.port() + "\r\nAuthorization: Bearer "
        + frame.token() + "\r\nContent-Type: " + multipart.contentType() + "\r\nContent-Length: "
        + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(head);
    out.write(bytes, 0, sendBytes);
    out.flush();
    return socket;
  }

  private static long total(ChildFrame frame, String path) throws Exception {
    return JSON.readTree(frame.get(path).body()).get("total").asLong();
  }

  private static JsonNode awaitFinal(ChildFrame frame, long imageId) {
    return await("image " + imageId + " finished").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
        .until(() -> JSON.readTree(frame.get("/api/images/" + imageId).body()).get("image"),
            image -> image != null && !image.get("isProcessing").asBoolean());
  }

  private void assertEveryOriginalMatchesItsName(int expected) throws Exception {
    List<Path> originals = filesUnder(dataDir.resolve("storage").resolve("originals"));
    assertThat(originals).hasSize(expected);
    for (Path original : originals) {
      String name = original.getFileName().toString();
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(original)));
      assertThat(name).startsWith(sha256 + ".");
    }
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) return List.of();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
