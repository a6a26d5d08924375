package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.crash.ChildJvmFailpoints;
import frame.core.crash.Failpoints;
import frame.core.api.config.FrameConfig;
import frame.core.db.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: FRAME killed with SIGKILL again and again while it makes large photos' files. Each kill
 * comes when a job has just started in that life (a hold point, not a timing guess), so every kill
 * cuts work short. Interrupted runs have their own budget, so no innocent photo ends FAILED.
 * {@code -Dframe.reliability.kills} sets the number of kills (default 20).
 */
class InterruptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void twenty_kills_while_large_photos_are_processed_leave_every_photo_processed_and_no_job_done_twice() throws Exception {
    int kills = Integer.getInteger("frame.reliability.kills", 20);
    ChildFrame base = new ChildFrame(dataDir).withServeArgs("--workers", "2").start();
    base.stop(); // learn the token
    List<Long> acknowledged = new ArrayList<>();
    byte[] large = jpeg(photo(2400, 1600, 18));
    for (int kill = 0; kill < kills; kill++) {
      // the 4th to 8th job started in this life holds its thread; the other worker goes on
      ChildFrame life = base.withOptions("-D" + Failpoints.HOLD_PROPERTY + "=job:#" + (4 + kill % 5)).start();
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> response = life.upload("IMG_" + kill + "_" + i + ".jpg", withComment(large, kill + "/" + i));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        acknowledged.add(JSON.readTree(response.body()).get("image").get("id").asLong());
      }
      await().atMost(Duration.ofSeconds(90)).until(() -> life.log().contains(ChildJvmFailpoints.HOLDING + "job:"));
      // the other worker's job of that moment ends first: killed at once each life, the oldest slow
      // job (a preview) would be cut short life after life, which is the case of a job that kills
      // FRAME every time, and rightly ends FAILED after six
      long completed = jobs(life, "COMPLETED");
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
          .until(() -> jobs(life, "COMPLETED") > completed || jobs(life, "RUNNING") <= 1);
      life.kill();
    }

    ChildFrame last = base.start();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
        .until(() -> images(last).stream().noneMatch(image -> image.get("isProcessing").asBoolean()));
    List<JsonNode> images = images(last);
    last.stop();

    assertThat(images).extracting(image -> image.get("id").asLong()).as("every acknowledged upload is there")
        .containsExactlyInAnyOrderElementsOf(acknowledged);
    assertThat(images).as("no photo failed because FRAME was killed")
        .allSatisfy(image -> assertThat(image.get("status").asText()).as(image.toString()).isEqualTo("PROCESSED"));
    try (Database database = Database.open(FrameConfig.inDataDir(dataDir).databaseUrl(), 2)) {
      var jdbc = database.jdbc();
      assertThat(jdbc.query("""
          SELECT job_id FROM job_attempt WHERE outcome = 'COMPLETED' GROUP BY job_id HAVING COUNT(*) > 1
          """, r -> r.getLong(1))).as("no job completed twice").isEmpty();
      // each photo's four steps (culling's analysis may still be on its way after PROCESSED)
      assertThat(jdbc.queryOne("""
          SELECT COUNT(*) FROM job WHERE state = 'COMPLETED' AND type IN
            ('OFFLOAD_ORIGINAL', 'THUMBNAIL_GENERATION', 'PREVIEW_GENERATION', 'EXIF_ENRICHMENT')
          """, r -> r.getLong(1))).hasValue(4L * acknowledged.size());
      long interrupted = jdbc.queryOne("SELECT COUNT(*) FROM job_attempt WHERE outcome = 'INTERRUPTED'",
          r -> r.getLong(1)).orElseThrow();
      assertThat(interrupted).as("every kill cut at least the held job short").isGreaterThanOrEqualTo(kills);
      assertThat(jdbc.queryOne("SELECT SUM(interruptions) FROM job", r -> r.getLong(1))).hasValue(interrupted);
      assertThat(jdbc.queryOne("SELECT COUNT(*) FROM job_attempt WHERE outcome IN ('FAILED', 'RETRY')", r -> r.getLong(1)))
          .as("no interruption was counted as a failure").hasValue(0L);
      long worst = jdbc.queryOne("SELECT MAX(interruptions) FROM job", r -> r.getLong(1)).orElseThrow();
      System.out.printf("%d kills: %d interrupted runs, at most %d for one job%n", kills, interrupted, worst);
    }
  }

  /** The same pixels as a different file: a JPEG comment segment after the start marker. */
  private static byte[] withComment(byte[] jpeg, String comment) {
    byte[] text = comment.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] out = new byte[jpeg.length + 4 + text.length];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xD8;
    out[2] = (byte) 0xFF;
    out[3] = (byte) 0xFE; // COM
    out[4] = (byte) ((text.length + 2) >> 8);
    out[5] = (byte) (text.length + 2);
    System.arraycopy(text, 0, out, 6, text.length);
    System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
    return out;
  }

  private static long jobs(ChildFrame frame, String state) throws Exception {
    return JSON.readTree(frame.get("/api/admin/jobs?status=" + state + "&limit=1").body()).get("total").asLong();
  }

  private static List<JsonNode> images(ChildFrame frame) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    JSON.readTree(frame.get("/api/images?limit=500").body()).get("items").forEach(all::add);
    return all;
  }
}
