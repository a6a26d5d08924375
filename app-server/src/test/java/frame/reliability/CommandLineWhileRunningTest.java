package frame.reliability;

import frame.core.media.turbo.TurboJpeg;
import frame.cli.CommandRun;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line while a FRAME runs on the data folder (here {@code frame serve} in a child
 * JVM): it talks to that FRAME over its loopback API and prints what it prints when the folder
 * is stopped and it opens it itself.
 */
class CommandLineWhileRunningTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  CommandRun frame(String... args) {
    return CommandRun.of(dataDir, args);
  }


  @Test
  void every_command_answers_the_same_from_a_running_frame_and_from_a_stopped_folder() throws Exception {
    write(photos, "a.jpg", jpeg(photo(1200, 900, 1)));
    write(photos, "sub/b.jpg", jpeg(photo(900, 1200, 2)));
    write(photos, "copy of a.jpg", jpeg(photo(1200, 900, 1)));
    write(photos, "notes.txt", "shopping list".getBytes());
    byte[] whole = jpeg(photo(1000, 800, 3));
    write(photos, "half.jpg", java.util.Arrays.copyOf(whole, whole.length / 2));

    Map<String, CommandRun> running;
    long brokenJob;
    try (ChildFrame child = new ChildFrame(dataDir).start()) {
      Path endpoint = dataDir.resolve("frame.endpoint");
      assertThat(endpoint).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoint))).isEqualTo("rw-------");
      assertThat(Files.readString(endpoint)).contains("\"pid\":" + child.pid())
          .doesNotContain(child.token()).as("a credential of its own, not an API token");

      CommandRun imported = frame("import", photos.toString());
      assertThat(imported.exitCode()).as("a rejected and a damaged file: " + imported).isEqualTo(1);
      assertThat(imported.out()).contains("processed   2").contains("duplicates  1").contains("is a duplicate of image")
          .contains("rejected    1").contains("notes.txt: Unsupported file type").contains("failed      1")
          .contains("half.jpg (image");
      assertThat(imported.err()).as("the progress bar, fed by the event stream")
          .contains("5/5 files ingested").contains("12/12 jobs done");
      assertThat(child.log()).as("it went into the running FRAME").doesNotContain("Exception");

      JsonNode failed = new ObjectMapper().readTree(frame("jobs", "--status", "FAILED", "--json").out());
      brokenJob = failed.get(0).get("id").asLong();
      assertThat(failed.get(0).get("image").get("originalName").asText()).isEqualTo("half.jpg");

      CommandRun created = frame("token", "create", "laptop");
      assertThat(created.exitCode()).isZero();
      assertThat(created.out().trim()).startsWith("frame_");
      CommandRun revoked = frame("token", "revoke", "laptop");
      assertThat(revoked.out()).contains("Revoked 'laptop'.");
      assertThat(frame("token", "revoke", "laptop").err()).contains("no active token named 'laptop'");
      assertThat(frame("token", "list").out()).doesNotContain("laptop");
      assertThat(frame("token", "create", "laptop").exitCode()).isZero();
      // each command changes what the later ones see: the stopped round reads the state this one left
      running = retryAndCancel(brokenJob);
      running.put("regenerate", frame("regenerate", "--image", "" + processedPhoto()));
      await().atMost(Duration.ofSeconds(30)).until(() -> idle(frame("queue", "--json").out()));
      running.putAll(listings(brokenJob));
      running.putAll(queue());

      assertThat(child.stop()).isEqualTo(ChildFrame.EXIT_AFTER_SIGTERM);
      assertThat(endpoint).as("removed on a clean stop").doesNotExist();
    }

    Map<String, CommandRun> stopped = listings(brokenJob);
    stopped.putAll(retryAndCancel(brokenJob));
    stopped.putAll(queue());
    stopped.put("regenerate", frame("regenerate", "--image", "" + processedPhoto()));
    running.forEach((command, run) -> assertThat(stopped.get(command)).as(command).isEqualTo(run));
    assertThat(running.get("images").out()).contains("a.jpg").contains("b.jpg").contains("3 of 3 image(s)");
    // four steps of each of the three photos; culling's analysis is measured in the preview job,
    // or, without libjpeg-turbo, in two jobs more for each photo with a preview
    String allJobs = TurboJpeg.available().isPresent() ? "12 of 12 job(s)" : "16 of 16 job(s)";
    assertThat(running.get("jobs").out()).contains("half.jpg").contains(allJobs)
        .as("the regenerated photo's jobs ran again").contains("2/4");
    assertThat(running.get("token list").out()).contains("default").contains("laptop");
    assertThat(running.get("jobs show 999").err()).contains("frame: No job with id 999");
    assertThat(running.get("jobs retry").out()).contains("Job " + brokenJob).contains("is due now");
    assertThat(running.get("jobs cancel").out()).contains("Cancelled job " + brokenJob);
    assertThat(running.get("jobs retry 999").err()).contains("frame: No job with id 999");
    assertThat(running.get("jobs retry --failed").out()).contains("Retried 0 failed job(s) of type");
    assertThat(running.get("queue").out()).contains("Queue: running").contains("CANCELLED");
    assertThat(running.get("queue pause --type").out()).contains("Paused PREVIEW_GENERATION")
        .contains("Queue: paused: PREVIEW_GENERATION").contains("PREVIEW_GENERATION (p)");
    assertThat(running.get("queue resume --type").out()).contains("Resumed PREVIEW_GENERATION.").contains("Queue: running");
    assertThat(running.get("regenerate").out()).contains("Sent 1 photo(s) back through the steps.")
        .contains("1 photo(s) done: 1 processed, 0 failed");
  }

  @Test
  void remove_and_trash_go_through_the_running_frame_and_its_jobs_still_show_the_removed_photo() throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 31)));
    write(photos, "b.jpg", jpeg(photo(600, 800, 32)));
    try (ChildFrame child = new ChildFrame(dataDir).start()) {
      CommandRun imported = frame("import", photos.toString());
      assertThat(imported.exitCode()).as(imported.toString()).isZero();
      JsonNode images = new ObjectMapper().readTree(frame("images", "--json").out());
      String first = images.get(0).get("id").asText();
      String firstName = images.get(0).get("originalName").asText();
      String second = images.get(1).get("id").asText();

      CommandRun unknown = frame("remove", first, "424242");
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(unknown.err()).contains("No image with id 424242");
      assertThat(frame("images").out()).as("all or none").contains("2 of 2 image(s)");

      CommandRun removed = frame("remove", first, second);
      assertThat(removed.exitCode()).as(removed.err()).isZero();
      assertThat(removed.out()).contains("Moved 2 photos").contains("to the trash");
      assertThat(frame("images").out()).contains("0 of 0 image(s)");
      assertThat(frame("trash", "list").out()).contains("2 photo(s) in the trash").contains("a.jpg").contains("b.jpg");

      JsonNode jobs = new ObjectMapper().readTree(frame("jobs", "--image", first, "--json").out());
      assertThat(jobs).isNotEmpty().allSatisfy(job -> {
        assertThat(job.get("image").get("originalName").asText()).isEqualTo(firstName);
        assertThat(job.get("image").get("inTrash").asBoolean()).isTrue();
        assertThat(job.get("image").get("thumbnailUrl").isNull()).isTrue();
      });

      assertThat(frame("trash", "restore", first).out()).contains("Restored 1 of 1");
      assertThat(frame("images").out()).contains("1 of 1 image(s)");
      JsonNode restoredJobs = new ObjectMapper().readTree(frame("jobs", "--image", first, "--json").out());
      assertThat(restoredJobs.get(0).get("image").get("inTrash").asBoolean()).isFalse();
      assertThat(frame("trash", "empty").out()).contains("Deleted 1 photo(s) for good");
      assertThat(frame("trash", "restore", second).exitCode()).isEqualTo(1);
      assertThat(child.log()).as("it went into the running FRAME").doesNotContain("Exception");
    }
  }

  @Test
  void regenerate_failed_and_all_and_retry_failed_print_the_same_from_a_running_frame_and_from_a_stopped_folder(
      @TempDir Path stoppedCopy) throws Exception {
    write(photos, "a.jpg", jpeg(photo(800, 600, 41)));
    write(photos, "b.jpg", jpeg(photo(600, 800, 42)));
    byte[] whole = jpeg(photo(1000, 800, 43));
    write(photos, "half.jpg", java.util.Arrays.copyOf(whole, whole.length / 2)); // its steps fail for good
    // one worker either way, so the step that fails first (and names the photo's failure) is the same
    ChildFrame first = new ChildFrame(dataDir).withServeArgs("--workers", "1");
    try (ChildFrame child = first.start()) {
      assertThat(frame("import", photos.toString()).exitCode()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(60)).until(() -> idle(frame("queue", "--json").out()));
      assertThat(child.stop()).isEqualTo(ChildFrame.EXIT_AFTER_SIGTERM);
    }
    // the same library twice: one copy served, the other left stopped
    copyFolder(dataDir, stoppedCopy);

    Map<String, CommandRun> running;
    try (ChildFrame child = first.withOptions().start()) {
      running = failedPhotoRound(dataDir);
      assertThat(child.log()).as("it went into the running FRAME").doesNotContain("Exception");
    }
    Map<String, CommandRun> stopped = failedPhotoRound(stoppedCopy);

    running.forEach((command, run) -> {
      assertThat(stopped.get(command).exitCode()).as(command).isEqualTo(run.exitCode());
      assertThat(stopped.get(command).out()).as(command).isEqualTo(run.out());
      assertThat(lastLine(stopped.get(command).err())).as(command).isEqualTo(lastLine(run.err()));
    });
    assertThat(running.get("regenerate --failed").exitCode()).isEqualTo(1);
    assertThat(running.get("regenerate --failed").out()).contains("Sent 1 photo(s) back through the steps.")
        .contains("1 photo(s) done: 0 processed, 1 failed").contains("(half.jpg): Making")
        .contains("The file is damaged or truncated");
    assertThat(running.get("regenerate --all").out()).contains("Sent 3 photo(s) back through the steps.")
        .contains("3 photo(s) done: 2 processed, 1 failed").contains("(half.jpg)");
    assertThat(running.get("jobs retry --failed --type").out())
        .containsPattern("Job \\d+ \\(THUMBNAIL_GENERATION, image \\d+\\) is due now: attempt 4 of 6\\.")
        .contains("Retried 1 failed job(s) of type THUMBNAIL_GENERATION.");
    assertThat(running.get("jobs retry --failed").out())
        .containsPattern("Job \\d+ \\(PREVIEW_GENERATION, image \\d+\\) is due now: attempt 4 of 6\\.")
        .contains("Retried 1 failed job(s).");
  }

  @Test
  void a_large_import_goes_at_bulk_priority_into_a_running_frame_and_into_a_stopped_folder(@TempDir Path single)
      throws Exception {
    for (int i = 0; i <= frame.core.api.imports.ImportSources.LARGE_IMPORT_FILES; i++) write(photos, i + ".jpg", jpeg(photo(64, 48, 60 + i)));
    write(single, "dropped.jpg", jpeg(photo(64, 48, 59)));
    try (ChildFrame child = new ChildFrame(dataDir).start()) {
      assertThat(frame("queue", "pause").exitCode()).isZero(); // the first steps wait, so their level can be read
      assertThat(frame("import", photos.toString()).out()).contains("Stored 21 photo(s)");
      assertThat(frame("import", single.toString()).out()).contains("Stored 1 photo(s)");
      assertThat(priorities()).as("through the running FRAME's upload").containsEntry("dropped.jpg", "fresh")
          .containsEntry("0.jpg", "bulk").containsEntry("20.jpg", "bulk").hasSize(22);
      assertThat(frame("jobs").out()).contains("bulk").contains("fresh");
      assertThat(child.stop()).isEqualTo(ChildFrame.EXIT_AFTER_SIGTERM);
    }
    write(photos, "21.jpg", jpeg(photo(64, 48, 81)));
    write(photos, "22.jpg", jpeg(photo(64, 48, 82)));
    // the 21 already in are counted too: still a large import
    assertThat(frame("import", photos.toString()).out()).contains("Stored 2 photo(s) (21 duplicate");
    Map<String, String> direct = priorities();
    assertThat(direct).as("opened directly").containsEntry("21.jpg", "bulk").containsEntry("22.jpg", "bulk");
  }

  /** Each photo's first step's priority, by the photo's name. */
  private Map<String, String> priorities() throws Exception {
    Map<String, String> byName = new LinkedHashMap<>();
    for (JsonNode job : new ObjectMapper().readTree(frame("jobs", "--type", "OFFLOAD_ORIGINAL", "--limit", "100", "--json").out())) {
      byName.put(job.get("image").get("originalName").asText(), job.get("priority").asText());
    }
    return byName;
  }

  /** Regenerates the failed photo, then every photo, then retries the failed jobs by type and all of them. */
  private static Map<String, CommandRun> failedPhotoRound(Path folder) {
    Map<String, CommandRun> runs = new LinkedHashMap<>();
    runs.put("regenerate --failed", CommandRun.of(folder, "regenerate", "--failed", "--workers", "1"));
    runs.put("regenerate --all", CommandRun.of(folder, "regenerate", "--all", "--workers", "1"));
    assertThat(CommandRun.of(folder, "queue", "pause").exitCode()).isZero(); // retried jobs wait: a stable answer
    runs.put("jobs retry --failed --type", CommandRun.of(folder, "jobs", "retry", "--failed", "--type",
        "THUMBNAIL_GENERATION"));
    runs.put("jobs retry --failed", CommandRun.of(folder, "jobs", "retry", "--failed"));
    assertThat(CommandRun.of(folder, "queue", "resume").exitCode()).isZero();
    return runs;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static void copyFolder(Path from, Path to) throws java.io.IOException {
    try (var walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) Files.createDirectories(target);
        else Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** The read-only commands, by their words: the same answers are expected running and stopped. */
  private Map<String, CommandRun> listings(long job) {
    Map<String, CommandRun> runs = new LinkedHashMap<>();
    for (List<String> command : List.of(List.of("images"), List.of("images", "--json"),
        List.of("images", "--status", "FAILED", "--limit", "1"), List.of("jobs"), List.of("jobs", "--json"),
        List.of("jobs", "--type", "THUMBNAIL_GENERATION", "--offset", "1"), List.of("jobs", "show", "" + job),
        List.of("jobs", "show", "" + job, "--json"), List.of("jobs", "show", "999"), List.of("token", "list"))) {
      runs.put(String.join(" ", command), frame(command.toArray(String[]::new)));
    }
    return runs;
  }

  /**
   * Retries the failed job and cancels it again, the queue paused in between so that no runner
   * takes it: cancelled, a second round prints the same (its budget is its attempts plus three).
   */
  private Map<String, CommandRun> retryAndCancel(long job) {
    Map<String, CommandRun> runs = new LinkedHashMap<>();
    assertThat(frame("queue", "pause").exitCode()).isZero();
    runs.put("jobs retry", frame("jobs", "retry", "" + job));
    runs.put("jobs cancel", frame("jobs", "cancel", "" + job));
    runs.put("jobs cancel again", frame("jobs", "cancel", "" + job));
    runs.put("jobs retry 999", frame("jobs", "retry", "999"));
    runs.put("jobs retry --failed", frame("jobs", "retry", "--failed", "--type", "EXIF_ENRICHMENT"));
    assertThat(frame("queue", "resume").exitCode()).isZero();
    return runs;
  }

  private Map<String, CommandRun> queue() {
    Map<String, CommandRun> runs = new LinkedHashMap<>();
    runs.put("queue", frame("queue"));
    runs.put("queue --json", frame("queue", "--json"));
    runs.put("queue pause --type", frame("queue", "pause", "--type", "PREVIEW_GENERATION"));
    runs.put("queue resume --type", frame("queue", "resume", "--type", "PREVIEW_GENERATION"));
    return runs;
  }

  private long processedPhoto() throws Exception {
    return new ObjectMapper().readTree(frame("images", "--status", "PROCESSED", "--json").out()).get(0).get("id").asLong();
  }

  private static boolean idle(String queueJson) throws Exception {
    JsonNode counts = new ObjectMapper().readTree(queueJson).get("counts");
    return counts.get("PENDING").asLong() == 0 && counts.get("RUNNING").asLong() == 0;
  }

  @Test
  void the_endpoint_a_killed_frame_left_behind_is_ignored() throws Exception {
    try (ChildFrame child = new ChildFrame(dataDir).start()) {
      child.kill();
    }
    assertThat(dataDir.resolve("frame.endpoint")).as("a kill -9 cleans nothing up").exists();

    CommandRun images = frame("images");

    assertThat(images.exitCode()).as(images.err()).isZero();
    assertThat(images.out()).contains("0 of 0 image(s)");
    assertThat(images.err()).doesNotContain("does not answer");
  }

  @Test
  void an_endpoint_file_others_can_read_is_refused() throws Exception {
    try (ChildFrame child = new ChildFrame(dataDir).start()) {
      Files.setPosixFilePermissions(dataDir.resolve("frame.endpoint"), PosixFilePermissions.fromString("rw-r--r--"));

      CommandRun images = frame("images");

      assertThat(images.exitCode()).isEqualTo(2);
      assertThat(images.err()).contains("is not private to its owner").contains("rw-r--r--");
    }
  }
}
