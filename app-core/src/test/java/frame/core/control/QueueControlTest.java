package frame.core.control;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.FrameException;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.core.api.jobs.JobQuery;
import frame.core.job.JobRunner;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.testing.FrameFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13's operations on a real FRAME: pause and resume, retry, cancel. */
class QueueControlTest {
  private static final Duration FINISH = Duration.ofSeconds(60);

  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void a_paused_queue_starts_nothing_past_its_poll_interval_stays_paused_after_a_restart_and_finishes_after_resume() {
    long imageId;
    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(frame.ports().queue().overview().state().anythingPaused()).isFalse();
      frame.ports().queue().pause(null);
      imageId = stored(frame.ports().imports().importFile(write(photos, "a.jpg", jpeg(photo(800, 600, 1))))).id();

      awaitPollRounds(frame, 3); // the loop woke for the import and polled twice more
      assertThat(frame.ports().library().image(imageId).state()).isEqualTo(ImageState.INGESTED);
      assertThat(frame.ports().jobs().list(JobQuery.forImage(imageId))).singleElement()
          .satisfies(job -> assertThat(job.state()).isEqualTo(JobState.PENDING));
    }

    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(frame.ports().queue().overview().state().wholeQueuePaused()).as("the pause survives a restart").isTrue();
      assertThat(frame.ports().queue().overview().state().describe()).isEqualTo("paused");
      awaitPollRounds(frame, 3);
      assertThat(frame.ports().library().image(imageId).state()).isEqualTo(ImageState.INGESTED);

      frame.ports().queue().resume(null);

      await().atMost(FINISH).until(() -> frame.ports().library().image(imageId).state() == ImageState.PROCESSED);
      assertThat(frame.ports().queue().overview().state().anythingPaused()).isFalse();
      assertThat(frame.ports().queue().overview().count(JobType.PREVIEW_GENERATION, JobState.COMPLETED)).isEqualTo(1);
    }
  }

  @Test
  void pausing_one_job_type_holds_only_that_step() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().queue().pause(JobType.PREVIEW_GENERATION);
      long id = stored(frame.ports().imports().importFile(write(photos, "a.jpg", jpeg(photo(800, 600, 2))))).id();

      await().atMost(FINISH).until(() -> jobOf(frame, id, JobType.THUMBNAIL_GENERATION).state() == JobState.COMPLETED
          && jobOf(frame, id, JobType.EXIF_ENRICHMENT).state() == JobState.COMPLETED);
      awaitPollRounds(frame, 3);
      assertThat(jobOf(frame, id, JobType.PREVIEW_GENERATION).state()).isEqualTo(JobState.PENDING);
      assertThat(frame.ports().library().image(id).state()).isEqualTo(ImageState.PROCESSING);
      assertThat(frame.ports().queue().overview().state().describe()).isEqualTo("paused: PREVIEW_GENERATION");

      frame.ports().queue().resume(JobType.PREVIEW_GENERATION);

      await().atMost(FINISH).until(() -> frame.ports().library().image(id).state() == ImageState.PROCESSED);
    }
  }

  @Test
  void retrying_a_permanent_failure_makes_a_new_attempt_that_fails_again_with_the_same_reason_and_keeps_the_history() {
    byte[] whole = jpeg(photo(1600, 1200, 3));
    try (Frame frame = FrameFixture.open(dataDir)) {
      long id = stored(frame.ports().imports().importFile(write(photos, "half.jpg", Arrays.copyOf(whole, whole.length / 2)))).id();
      await().atMost(FINISH).until(() -> frame.ports().library().image(id).state().isFinal());
      assertThat(frame.ports().library().image(id).state()).isEqualTo(ImageState.FAILED);
      // the photo fails with its first failed step; its other steps may still be running
      await().atMost(FINISH).until(() -> frame.ports().jobs().list(JobQuery.forImage(id)).stream()
          .noneMatch(job -> job.state() == JobState.PENDING || job.state() == JobState.RUNNING));
      Map<Long, String> reasons = failedJobs(frame, id).stream()
          .collect(Collectors.toMap(Job::id, job -> firstLine(job.lastError())));
      assertThat(reasons).isNotEmpty();

      List<Job> retried = frame.ports().jobs().retryFailed(null);

      assertThat(retried).extracting(Job::id).containsExactlyInAnyOrderElementsOf(reasons.keySet());
      assertThat(retried).allSatisfy(job -> {
        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.maxAttempts()).as("extended, not reset").isEqualTo(job.attempts() + 3);
      });
      // the photo is FAILED as soon as one retried job fails; the others may still be running
      await().atMost(FINISH).until(() -> reasons.keySet().stream()
          .map(jobId -> frame.ports().jobs().details(jobId).job().state())
          .allMatch(state -> state == JobState.FAILED || state == JobState.COMPLETED));
      assertThat(frame.ports().library().image(id).state()).isEqualTo(ImageState.FAILED);
      assertThat(frame.ports().library().image(id).failureReason()).contains("damaged or truncated");
      for (var entry : reasons.entrySet()) {
        var details = frame.ports().jobs().details(entry.getKey());
        assertThat(firstLine(details.job().lastError())).as("the same reason").isEqualTo(entry.getValue());
        assertThat(details.attempts()).extracting(JobAttempt::outcome).as("the first run is kept")
            .containsExactly(JobAttempt.Outcome.FAILED, JobAttempt.Outcome.FAILED);
        assertThat(details.attempts()).extracting(JobAttempt::attempt).containsExactly(1, 2);
      }
    }
  }

  @Test
  void a_retried_job_whose_cause_was_fixed_completes_and_the_photo_is_processed() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().queue().pause(null);
      Image image = stored(frame.ports().imports().importFile(write(photos, "a.jpg", jpeg(photo(800, 600, 4)))));
      Path original = frame.ports().library().files(image).original();
      Path aside = photos.resolve("aside.jpg");
      Files.move(original, aside); // the disk lost the original meanwhile
      frame.ports().queue().resume(null);
      await().atMost(FINISH).until(() -> frame.ports().library().image(image.id()).state() == ImageState.FAILED);
      assertThat(frame.ports().library().image(image.id()).failureReason()).contains("original of photo " + image.id() + " is missing");
      Files.move(aside, original, StandardCopyOption.ATOMIC_MOVE);
      frame.ports().queue().pause(null); // so the runner cannot move the photo on before it is looked at

      Job offload = frame.ports().jobs().retry(jobOf(frame, image.id(), JobType.OFFLOAD_ORIGINAL).id());

      assertThat(frame.ports().library().image(image.id()).state()).as("back to its first step").isEqualTo(ImageState.INGESTED);
      frame.ports().queue().resume(null);
      await().atMost(FINISH).until(() -> frame.ports().library().image(image.id()).state() == ImageState.PROCESSED);
      assertThat(frame.ports().jobs().details(offload.id()).attempts()).extracting(JobAttempt::outcome)
          .containsExactly(JobAttempt.Outcome.FAILED, JobAttempt.Outcome.COMPLETED);
      assertThat(frame.ports().library().image(image.id()).failureReason()).isNull();
    }
  }

  @Test
  void cancelling_a_pending_job_fails_its_photo_and_only_a_pending_job_can_be_cancelled() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().queue().pause(null);
      long id = stored(frame.ports().imports().importFile(write(photos, "a.jpg", jpeg(photo(800, 600, 5))))).id();
      long jobId = jobOf(frame, id, JobType.OFFLOAD_ORIGINAL).id();

      Job cancelled = frame.ports().jobs().cancel(jobId);

      assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
      assertThat(frame.ports().library().image(id).state()).isEqualTo(ImageState.FAILED);
      assertThat(frame.ports().library().image(id).failureReason()).isEqualTo("Storing the original failed: cancelled by an admin");
      assertThatThrownBy(() -> frame.ports().jobs().cancel(jobId)).isInstanceOf(FrameException.class)
          .hasMessage("Job " + jobId + " is CANCELLED: only a pending job can be cancelled");
      assertThatThrownBy(() -> frame.ports().jobs().retry(jobId + 1000)).isInstanceOf(FrameException.class)
          .hasMessageContaining("No job with id");

      frame.ports().queue().resume(null);
      frame.ports().jobs().retry(jobId);
      await().atMost(FINISH).until(() -> frame.ports().library().image(id).state() == ImageState.PROCESSED);
      assertThatThrownBy(() -> frame.ports().jobs().retry(jobId)).isInstanceOf(FrameException.class)
          .hasMessage("Job " + jobId + " is COMPLETED: only a failed or cancelled job can be retried");
    }
  }

  static void awaitPollRounds(Frame frame, int rounds) {
    JobRunner runner = FrameTestAccess.runner(frame);
    long target = runner.loopRounds() + rounds;
    await().atMost(Duration.ofSeconds(30)).until(() -> runner.loopRounds() >= target);
  }

  static Image stored(IngestResult result) {
    assertThat(result).isInstanceOf(IngestResult.Stored.class);
    return ((IngestResult.Stored) result).image();
  }

  static Job jobOf(Frame frame, long imageId, JobType type) {
    return frame.ports().jobs().list(JobQuery.forImage(imageId)).stream().filter(j -> j.type() == type).findFirst().orElseThrow();
  }

  private static List<Job> failedJobs(Frame frame, long imageId) {
    return frame.ports().jobs().list(JobQuery.forImage(imageId)).stream().filter(j -> j.state() == JobState.FAILED).toList();
  }

  private static String firstLine(String text) {
    return text == null ? null : text.lines().findFirst().orElse("");
  }
}
