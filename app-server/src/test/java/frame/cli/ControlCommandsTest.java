package frame.cli;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13's commands against a stopped data folder: queue, jobs retry and cancel, regenerate. */
class ControlCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path photos;

  CommandRun frame(String... args) {
    return CommandRun.of(dataDir, args);
  }


  @Test
  void queue_pause_holds_an_import_until_resume_and_the_pause_is_kept_between_commands() throws Exception {
    CommandRun paused = frame("queue", "pause");
    assertThat(paused.exitCode()).isZero();
    assertThat(paused.out()).contains("Paused the whole queue").contains("Queue: paused");

    write(photos, "a.jpg", jpeg(photo(800, 600, 1)));
    CommandRun imported = frame("import", photos.toString());
    assertThat(imported.exitCode()).isZero();
    assertThat(imported.out()).contains("Stored 1 photo(s)").contains("The queue is paused");

    JsonNode queue = JSON.readTree(frame("queue", "--json").out());
    assertThat(queue.get("paused").asBoolean()).isTrue();
    assertThat(queue.get("counts").get("PENDING").asLong()).isEqualTo(1);
    assertThat(frame("queue").out()).contains("Queue: paused").contains("OFFLOAD_ORIGINAL");

    CommandRun typePaused = frame("queue", "pause", "--type", "PREVIEW_GENERATION");
    assertThat(typePaused.out()).contains("Paused PREVIEW_GENERATION");
    CommandRun resumed = frame("queue", "resume");
    assertThat(resumed.out()).contains("Resumed everything").contains("Queue: running");

    // nothing ran while FRAME was stopped: the photo is still on its way, so it is waited for, not sent back
    CommandRun pending = frame("regenerate", "--all");
    assertThat(pending.exitCode()).isZero();
    assertThat(pending.out()).contains("Sent 0 photo(s) back through the steps; 1 still being processed were left as they are.")
        .contains("1 photo(s) done: 1 processed, 0 failed");
    CommandRun regenerate = frame("regenerate", "--all");
    assertThat(regenerate.out()).contains("Sent 1 photo(s) back through the steps.").contains("1 photo(s) done: 1 processed, 0 failed");
    JsonNode image = JSON.readTree(frame("images", "--json").out()).get(0);
    assertThat(image.get("state").asText()).isEqualTo("PROCESSED");
    assertThat(Files.exists(Path.of(image.get("files").get("preview").asText()))).isTrue();
  }

  @Test
  void an_import_still_waits_for_its_photos_while_only_the_archive_is_paused() throws Exception {
    frame("queue", "pause", "--type", "ARCHIVE_ORIGINAL");
    write(photos, "a.jpg", jpeg(photo(800, 600, 3)));
    CommandRun imported = frame("import", photos.toString());
    assertThat(imported.exitCode()).isZero();
    assertThat(imported.out()).doesNotContain("The queue is");
    assertThat(JSON.readTree(frame("images", "--json").out()).get(0).get("state").asText()).isEqualTo("PROCESSED");
  }

  @Test
  void jobs_cancel_and_retry_by_id_and_by_filter_with_plain_refusals() throws Exception {
    frame("queue", "pause");
    write(photos, "a.jpg", jpeg(photo(800, 600, 2)));
    frame("import", photos.toString());
    long offload = JSON.readTree(frame("jobs", "--json").out()).get(0).get("id").asLong();

    CommandRun cancel = frame("jobs", "cancel", String.valueOf(offload));
    assertThat(cancel.exitCode()).isZero();
    assertThat(cancel.out()).contains("Cancelled job " + offload + " (OFFLOAD_ORIGINAL");
    assertThat(JSON.readTree(frame("images", "--json").out()).get(0).get("failureReason").asText())
        .isEqualTo("Storing the original failed: cancelled by an admin");
    CommandRun again = frame("jobs", "cancel", String.valueOf(offload), "999");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("frame: Job " + offload + " is CANCELLED: only a pending job can be cancelled")
        .contains("frame: No job with id 999").doesNotContain("Exception");

    CommandRun retry = frame("jobs", "retry", String.valueOf(offload));
    assertThat(retry.exitCode()).isZero();
    assertThat(retry.out()).contains("Job " + offload + " (OFFLOAD_ORIGINAL, image 1) is due now: attempt 1 of 3");
    frame("queue", "resume");
    CommandRun regenerated = frame("regenerate", "--image", "1");
    assertThat(regenerated.out()).contains("1 photo(s) done: 1 processed");

    CommandRun show = frame("jobs", "show", String.valueOf(offload));
    assertThat(show.out()).contains("COMPLETED").contains("0 of at most 6 interrupted").contains("priority   fresh");
    assertThat(frame("jobs").out()).contains("PRIORITY").contains("INTERRUPTED");

    CommandRun none = frame("jobs", "retry", "--failed", "--type", "PREVIEW_GENERATION");
    assertThat(none.out()).contains("Retried 0 failed job(s) of type PREVIEW_GENERATION.");
    CommandRun both = frame("jobs", "retry", "--failed", "5");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("Give job ids, or --failed");
    assertThat(frame("regenerate", "--image", "42").err()).contains("frame: No image with id 42");
  }
}
