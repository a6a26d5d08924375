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

/** {@code frame queue wait}: runs what {@code frame import} left queued (archive copies) to the end, or says why it cannot. */
class QueueWaitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path photos;
  @TempDir Path disk;

  CommandRun frame(String... args) {
    return CommandRun.of(dataDir, args);
  }

  @Test
  void it_runs_what_an_import_left_queued_until_every_photo_is_stored_and_stops_at_a_paused_type() throws Exception {
    assertThat(frame("archive", "add", "usb", "--folder", disk.toString()).exitCode()).isZero();
    frame("queue", "pause"); // the import stores the photos and leaves every job queued, as a FRAME that exits would
    write(photos, "a.jpg", jpeg(photo(800, 600, 1)));
    write(photos, "b.jpg", jpeg(photo(600, 800, 2)));
    assertThat(frame("import", photos.toString()).out()).contains("Stored 2 photo(s)");
    frame("queue", "resume");
    frame("queue", "pause", "--type", "ARCHIVE_ORIGINAL");

    CommandRun held = frame("queue", "wait", "--timeout", "120");

    // everything else ran; what is left waits for a resume, so waiting would never end
    assertThat(held.exitCode()).isEqualTo(1);
    assertThat(held.out().strip()).isEqualTo("Stopped waiting: paused (paused: ARCHIVE_ORIGINAL): 'frame queue resume'."
        + " Left: 2 ARCHIVE_ORIGINAL.");
    assertThat(states()).containsOnly("PROCESSED");

    frame("queue", "resume", "--type", "ARCHIVE_ORIGINAL");
    CommandRun waited = frame("queue", "wait", "--timeout", "120");

    assertThat(waited.exitCode()).isZero();
    assertThat(waited.out()).contains("No job is waiting or running.");
    assertThat(states()).containsExactly("STORED", "STORED");
    JsonNode queue = JSON.readTree(frame("queue", "--json").out());
    assertThat(queue.get("counts").get("PENDING").asLong()).isZero();
    assertThat(queue.get("counts").get("RUNNING").asLong()).isZero();
  }

  @Test
  void a_target_that_is_not_there_stops_the_wait_with_its_reason() throws Exception {
    Path unplugged = disk.resolve("usb-disk");
    Files.createDirectories(unplugged);
    assertThat(frame("archive", "add", "usb", "--folder", unplugged.toString()).exitCode()).isZero();
    Files.delete(unplugged); // the disk is unplugged
    write(photos, "a.jpg", jpeg(photo(800, 600, 3)));
    assertThat(frame("import", photos.toString()).exitCode()).isZero();

    CommandRun waited = frame("queue", "wait", "--timeout", "120");

    assertThat(waited.exitCode()).isEqualTo(1);
    assertThat(waited.out()).contains("Stopped waiting: waiting for the archive target usb, not reachable:")
        .contains("1 ARCHIVE_ORIGINAL");
    assertThat(states()).containsOnly("PROCESSED");
  }

  private java.util.List<String> states() throws Exception {
    java.util.List<String> states = new java.util.ArrayList<>();
    JSON.readTree(frame("images", "--json").out()).forEach(image -> states.add(image.get("state").asText()));
    assertThat(states).isNotEmpty();
    return states;
  }
}
