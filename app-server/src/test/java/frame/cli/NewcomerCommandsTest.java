package frame.cli;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.api.config.FrameConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer met on the command line, each as it should be. */
class NewcomerCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void the_workers_help_says_the_default_it_has() {
    CommandRun help = CommandRun.of(dataDir, "import", "--help");

    assertThat(help.out().replaceAll("\\s+", " ")).contains("--workers=N Job worker threads (default: FRAME_WORKERS, else twice the number of CPUs)");
    assertThat(FrameConfig.defaultWorkers()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
  }

  @Test
  void importing_a_path_that_does_not_exist_is_a_usage_error_naming_it() {
    Path missing = photos.resolve("nonexistent");

    CommandRun run = CommandRun.of(dataDir, "import", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("No such file or folder: " + missing);
    assertThat(run.out()).doesNotContain("Imported");
  }

  @Test
  void an_import_of_only_duplicates_prints_no_rate_of_nothing() {
    write(photos, "a.jpg", jpeg(photo(320, 240, 1)));
    assertThat(CommandRun.of(dataDir, "import", photos.toString()).exitCode()).isZero();

    CommandRun again = CommandRun.of(dataDir, "import", photos.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("Imported 1 file(s) in").contains("nothing new to process")
        .doesNotContain("images/s").contains("duplicates  1");
  }

  @Test
  void import_and_token_list_speak_json() throws Exception {
    write(photos, "a.jpg", jpeg(photo(320, 240, 2)));
    write(photos, "notes.txt", "hello".getBytes());

    CommandRun run = CommandRun.of(dataDir, "import", "--json", photos.toString());

    assertThat(run.exitCode()).as("a file was rejected").isEqualTo(1);
    JsonNode files = JSON.readTree(run.out()).get("files");
    assertThat(files).hasSize(2);
    for (JsonNode file : files) {
      if (file.get("name").asText().equals("a.jpg")) {
        assertThat(file.get("outcome").asText()).isEqualTo("processed");
        assertThat(file.get("imageId").asLong()).isPositive();
      } else {
        assertThat(file.get("outcome").asText()).isEqualTo("rejected");
        assertThat(file.get("reason").asText()).contains("Unsupported");
      }
    }

    assertThat(CommandRun.of(dataDir, "token", "create", "nas").exitCode()).isZero();
    JsonNode tokens = JSON.readTree(CommandRun.of(dataDir, "token", "list", "--json").out());
    assertThat(tokens).hasSize(1);
    assertThat(tokens.get(0).get("name").asText()).isEqualTo("nas");
    assertThat(tokens.get(0).get("kind").asText()).as("as the API names it").isEqualTo("ADMIN");
  }

  @Test
  void jobs_show_of_a_completed_job_counts_no_failure_and_no_lock() throws Exception {
    write(photos, "a.jpg", jpeg(photo(320, 240, 3)));
    assertThat(CommandRun.of(dataDir, "import", photos.toString()).exitCode()).isZero();
    long id = JSON.readTree(CommandRun.of(dataDir, "jobs", "--status", "COMPLETED", "--json").out())
        .get(0).get("id").asLong();

    CommandRun show = CommandRun.of(dataDir, "jobs", "show", String.valueOf(id));

    assertThat(show.out()).contains("COMPLETED")
        .contains("attempts   1 run(s): 0 of at most 3 failed, 0 of at most 6 interrupted")
        .doesNotContain("locked by");
  }
}
