package frame.cli;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  CommandRun frame(String... args) {
    return CommandRun.of(dataDir, args);
  }


  @Test
  void version_lists_the_active_codecs() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = FrameCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("--version")).isZero();

    assertThat(out.toString()).contains("FRAME ").contains("Codecs:").contains("HEIC").contains("camera RAW");
  }

  @Test
  void import_waits_for_processing_and_summarises_every_outcome() {
    write(photos, "a.jpg", jpeg(photo(1200, 900, 1)));
    write(photos, "sub/b.jpg", jpeg(photo(900, 1200, 2)));
    write(photos, "copy of a.jpg", jpeg(photo(1200, 900, 1)));
    write(photos, "notes.txt", "shopping list".getBytes());

    CommandRun run = frame("import", photos.toString());

    assertThat(run.exitCode()).as("a rejected file makes the exit code non-zero").isEqualTo(1);
    assertThat(run.out()).contains("processed   2").contains("duplicates  1").contains("is a duplicate of image")
        .contains("rejected    1").contains("notes.txt: Unsupported file type").contains("failed      0");
    assertThat(run.err()).contains("4/4 files ingested").contains("8/8 jobs done");
  }

  @Test
  void import_of_the_intact_file_of_a_photo_whose_original_was_cut_short_says_it_restored_it() throws Exception {
    byte[] bytes = jpeg(photo(800, 600, 5));
    Path file = write(photos, "Nikon_D70.jpg", bytes);
    frame("import", file.toString());
    Path original = storedOriginal();
    Files.write(original, java.util.Arrays.copyOf(bytes, 100));

    CommandRun run = frame("import", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("duplicates  0").contains("restored    1")
        .contains("Nikon_D70.jpg: restored the original of image 1, which had no good copy left");
    assertThat(Files.readAllBytes(original)).isEqualTo(bytes);
  }

  @Test
  void import_json_names_a_restored_original_as_its_own_outcome() throws Exception {
    Path file = write(photos, "Nikon_D70.jpg", jpeg(photo(800, 600, 6)));
    frame("import", file.toString());
    Files.delete(storedOriginal());

    JsonNode restored = new ObjectMapper().readTree(frame("import", "--json", file.toString()).out()).get("files").get(0);

    assertThat(restored.get("outcome").asText()).isEqualTo("restored");
    assertThat(restored.get("imageId").asLong()).isEqualTo(1);
  }

  @Test
  void images_json_gives_no_path_for_an_original_that_is_not_on_this_computer() throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 7)));
    frame("import", photos.toString());
    Path original = storedOriginal();
    Files.delete(original); // as `frame archive free` does once a verified copy holds it

    JsonNode files = new ObjectMapper().readTree(frame("images", "--json").out()).get(0).get("files");

    assertThat(files.get("original").isNull()).as("no path to a file that is not there").isTrue();
    assertThat(Files.exists(Path.of(files.get("preview").asText()))).isTrue();
  }

  private Path storedOriginal() throws Exception {
    JsonNode image = new ObjectMapper().readTree(frame("images", "--json").out()).get(0);
    return Path.of(image.get("files").get("original").asText());
  }

  @Test
  void clean_import_exits_zero_and_images_json_lists_files_on_disk() throws Exception {
    write(photos, "a.jpg", jpeg(photo(1200, 900, 3)));
    assertThat(frame("import", photos.toString()).exitCode()).isZero();

    CommandRun list = frame("images", "--json");

    JsonNode image = new ObjectMapper().readTree(list.out()).get(0);
    assertThat(image.get("state").asText()).isEqualTo("PROCESSED");
    assertThat(image.get("sha256").asText()).hasSize(64);
    assertThat(image.get("width").asInt()).isEqualTo(1200);
    assertThat(image.get("files").get("thumbnails").size()).isEqualTo(4);
    assertThat(Files.exists(Path.of(image.get("files").get("preview").asText()))).isTrue();
    assertThat(Files.exists(Path.of(image.get("files").get("original").asText()))).isTrue();
  }

  @Test
  void jobs_can_be_filtered_and_one_shown_with_its_history() throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 4)));
    frame("import", photos.toString());

    CommandRun thumbnails = frame("jobs", "--type", "THUMBNAIL_GENERATION", "--json");
    JsonNode jobs = new ObjectMapper().readTree(thumbnails.out());
    assertThat(jobs.size()).isEqualTo(1);
    long id = jobs.get(0).get("id").asLong();
    JsonNode photo = jobs.get(0).get("image");
    assertThat(photo.get("originalName").asText()).isEqualTo("a.jpg");
    assertThat(photo.get("status").asText()).isEqualTo("PROCESSED");
    assertThat(photo.get("thumbnailUrl").asText()).endsWith("/thumbnail/128");

    CommandRun table = frame("jobs", "--type", "THUMBNAIL_GENERATION");
    assertThat(table.out()).contains("PHOTO").containsPattern(id + " +THUMBNAIL_GENERATION +\\d+ +a\\.jpg +COMPLETED");

    CommandRun show = frame("jobs", "show", String.valueOf(id));
    assertThat(show.out()).contains("THUMBNAIL_GENERATION").contains("COMPLETED").contains("attempts   1 run(s): 0 of at most 3 failed")
        .contains("a.jpg  PROCESSED JPEG 800x600")
        .contains("#1 COMPLETED");
  }

  @Test
  void unknown_job_is_a_plain_error_not_a_stack_trace() {
    CommandRun run = frame("jobs", "show", "999");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("frame: No job with id 999").doesNotContain("Exception");
  }

  @Test
  void remove_moves_photos_to_the_trash_and_trash_restores_or_empties_them() throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 21)));
    write(photos, "b.jpg", jpeg(photo(800, 600, 22)));
    frame("import", photos.toString());
    JsonNode images = new ObjectMapper().readTree(frame("images", "--json").out());
    String first = images.get(0).get("id").asText();
    String second = images.get(1).get("id").asText();

    CommandRun remove = frame("remove", first, second);
    assertThat(remove.exitCode()).isZero();
    assertThat(remove.out()).contains("Moved 2 photos").contains("to the trash");
    assertThat(frame("images").out()).contains("0 of 0 image(s)");
    assertThat(frame("trash", "list").out()).contains("2 photo(s) in the trash").contains("a.jpg").contains("b.jpg");

    assertThat(frame("trash", "restore", first).out()).contains("Restored 1 of 1");
    assertThat(frame("images").out()).contains("1 of 1 image(s)");
    CommandRun empty = frame("trash", "empty");
    assertThat(empty.out()).as(empty.err()).contains("Deleted 1 photo(s) for good");
    assertThat(frame("trash", "restore", second).exitCode()).isEqualTo(1);
  }

  @Test
  void images_sort_by_sharpness_or_by_stack_and_an_unknown_order_names_the_choices() throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 24)));
    frame("import", photos.toString());

    CommandRun stacks = frame("images", "--sort", "stacks");
    CommandRun odd = frame("images", "--sort", "blurriest");

    assertThat(stacks.exitCode()).as(stacks.err()).isZero();
    assertThat(stacks.out()).contains("1 of 1 image(s)");
    assertThat(new ObjectMapper().readTree(frame("images", "--sort", "sharpness", "--json").out())).hasSize(1);
    assertThat(odd.exitCode()).isEqualTo(2);
    assertThat(odd.err()).contains("sharpness").contains("stacks");
  }

  @Test
  void images_fold_stacks_on_request_and_an_unknown_fold_names_the_choices() throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 25)));
    frame("import", photos.toString());

    CommandRun folded = frame("images", "--stacks", "folded", "--json");
    CommandRun odd = frame("images", "--stacks", "sideways");

    assertThat(folded.exitCode()).as(folded.err()).isZero();
    JsonNode alone = new ObjectMapper().readTree(folded.out()).get(0);
    assertThat(alone.get("stackSize").asInt()).as("a photo alone stands for itself").isEqualTo(1);
    assertThat(odd.exitCode()).isEqualTo(2);
    assertThat(odd.err()).contains("folded").contains("sideways");
  }

  @Test
  void removing_an_unknown_id_says_so_and_removes_nothing() throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 23)));
    frame("import", photos.toString());
    String id = new ObjectMapper().readTree(frame("images", "--json").out()).get(0).get("id").asText();

    CommandRun remove = frame("remove", id, "424242");

    assertThat(remove.exitCode()).isEqualTo(2);
    assertThat(remove.err()).contains("No image with id 424242");
    assertThat(frame("images").out()).contains("1 of 1 image(s)");
  }
}
