package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frame culling analysis [on|off]}: on a stopped data folder it opens the folder itself;
 * while a FRAME runs there ({@code frame serve} in a child JVM) it goes through that FRAME's API.
 */
class AnalysisCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path photos;

  CommandRun frame(String... args) {
    return CommandRun.of(dataDir, args);
  }

  @Test
  void analysis_is_turned_off_and_on_again_on_a_stopped_folder() throws Exception {
    CommandRun asked = frame("culling", "analysis");
    assertThat(asked.exitCode()).as(asked.toString()).isZero();
    assertThat(asked.out()).contains("Analysis: on.");
    assertThat(JSON.readTree(frame("culling", "analysis", "--json").out()))
        .isEqualTo(JSON.readTree("{\"analysis\": true}"));

    CommandRun off = frame("culling", "analysis", "off");
    assertThat(off.exitCode()).as(off.toString()).isZero();
    assertThat(off.out()).contains("Analysis: off.");
    Path settings = dataDir.resolve("culling.properties");
    assertThat(Files.readAllLines(settings)).contains("analysis=off");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings))).isEqualTo("rw-------");

    write(photos, "a.jpg", jpeg(photo(800, 600, 61)));
    assertThat(frame("import", photos.toString()).exitCode()).isZero();
    assertThat(sharpnessJobs()).as("off: none queued at import").isEmpty();

    JsonNode on = JSON.readTree(frame("culling", "analysis", "on", "--json").out());
    assertThat(on).isEqualTo(JSON.readTree("{\"analysis\": true, \"queued\": 1}"));
    assertThat(sharpnessJobs()).as("queued for the photo that lacked it").hasSize(1);
    assertThat(Files.readAllLines(settings)).contains("analysis=on");
  }

  @Test
  void a_value_other_than_on_or_off_is_refused_and_changes_nothing() throws Exception {
    frame("culling", "analysis", "off");
    CommandRun refused = frame("culling", "analysis", "maybe");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("'maybe' is neither on nor off");
    assertThat(frame("culling", "analysis").out()).contains("Analysis: off.");
  }

  @Test
  void the_switch_goes_through_a_running_frame_and_a_stopped_folder_answers_the_same_after() throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 62)));
    try (ChildFrame child = new ChildFrame(dataDir).start()) {
      // the folder is locked by the child: a command that opened it itself would fail "in use"
      CommandRun off = frame("culling", "analysis", "off");
      assertThat(off.exitCode()).as(off.toString()).isZero();
      assertThat(off.out()).contains("Analysis: off.");
      assertThat(JSON.readTree(frame("culling", "analysis", "--json").out()))
          .isEqualTo(JSON.readTree("{\"analysis\": false}"));

      CommandRun imported = frame("import", photos.toString());
      assertThat(imported.exitCode()).as(imported.toString()).isZero();
      assertThat(sharpnessJobs()).as("the running FRAME queued none").isEmpty();

      CommandRun on = frame("culling", "analysis", "on");
      assertThat(on.out()).contains("Analysis: on. Queued for 1 photo(s) that lacked it");
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        JsonNode jobs = sharpnessJobs();
        return jobs.size() == 1 && jobs.get(0).get("status").asText().equals("COMPLETED");
      });
      assertThat(child.log()).as("it went into the running FRAME").doesNotContain("Exception");
      assertThat(child.stop()).isEqualTo(ChildFrame.EXIT_AFTER_SIGTERM);
    }
    assertThat(frame("culling", "analysis").out()).contains("Analysis: on.");
    assertThat(Files.readAllLines(dataDir.resolve("culling.properties"))).contains("analysis=on");
  }

  private JsonNode sharpnessJobs() throws Exception {
    return JSON.readTree(frame("jobs", "--type", "SHARPNESS", "--json").out());
  }
}
