package frame.core.control;

import static frame.core.control.QueueControlTest.jobOf;
import static frame.core.control.QueueControlTest.stored;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobType;
import frame.core.testing.FrameFixture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: regenerating a photo's files, and fresh work going before background work. */
class RegenerateTest {
  private static final Duration FINISH = Duration.ofSeconds(90);

  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void regenerated_files_are_replaced_atomically_and_the_photo_returns_to_processed() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = stored(frame.ports().imports().importFile(write(photos, "big.jpg", jpeg(photo(3000, 2000, 1)))));
      await().atMost(FINISH).until(() -> frame.ports().library().image(image.id()).state() == ImageState.PROCESSED);
      Path preview = frame.ports().library().files(image).preview();
      Path thumbnail = frame.ports().library().files(image).thumbnails().get(512);
      Object previewBefore = Files.readAttributes(preview, BasicFileAttributes.class).fileKey();

      // a viewer reads the files over and over while they are made again
      AtomicBoolean reading = new AtomicBoolean(true);
      AtomicInteger reads = new AtomicInteger();
      List<String> partial = new CopyOnWriteArrayList<>();
      Thread viewer = new Thread(() -> {
        while (reading.get()) {
          for (Path file : List.of(preview, thumbnail)) {
            String problem = wholeJpeg(file);
            if (problem != null) partial.add(file.getFileName() + ": " + problem);
            reads.incrementAndGet();
          }
        }
      });
      viewer.start();
      await().atMost(FINISH).until(() -> reads.get() >= 4);

      assertThat(frame.ports().jobs().regenerate(List.of(image.id())).sentBack()).containsExactly(image.id());
      assertThat(frame.ports().library().image(image.id()).state()).isEqualTo(ImageState.PROCESSING);
      int readsAtStart = reads.get();
      await().atMost(FINISH).until(() -> frame.ports().library().image(image.id()).state() == ImageState.PROCESSED);
      await().atMost(FINISH).until(() -> reads.get() >= readsAtStart + 4);
      reading.set(false);
      viewer.join();

      assertThat(partial).as("a reader never sees a partial file").isEmpty();
      assertThat(Files.readAttributes(preview, BasicFileAttributes.class).fileKey()).as("a new file moved into place")
          .isNotEqualTo(previewBefore);
      for (JobType step : JobType.DERIVED) {
        Job job = jobOf(frame, image.id(), step);
        assertThat(job.priority()).isEqualTo(JobPriority.BACKGROUND);
        assertThat(frame.ports().jobs().details(job.id()).attempts()).extracting(JobAttempt::outcome)
            .containsExactly(JobAttempt.Outcome.COMPLETED, JobAttempt.Outcome.COMPLETED);
      }
      assertThat(jobOf(frame, image.id(), JobType.OFFLOAD_ORIGINAL).attempts()).as("the original stays").isEqualTo(1);
    }
  }

  @Test
  void a_photo_dropped_behind_two_hundred_backfill_jobs_gets_its_thumbnail_first() {
    int backfillPhotos = 67; // x 3 derived jobs: 201 backfill jobs
    try (Frame frame = FrameFixture.open(dataDir)) {
      for (int i = 0; i < backfillPhotos; i++) frame.ports().imports().importFile(write(photos, "old" + i + ".jpg", jpeg(photo(96, 64, 100 + i))));
      FrameFixture.awaitAllFinal(frame, FINISH);
      frame.ports().queue().pause(null);
      assertThat(frame.ports().jobs().regenerateEvery(null).sentBack()).hasSize(backfillPhotos);
      long fresh = stored(frame.ports().imports().importFile(write(photos, "fresh.jpg", jpeg(photo(96, 64, 7))))).id();

      var jdbc = FrameTestAccess.database(frame).jdbc();
      long runsBefore = jdbc.queryOne("SELECT COALESCE(MAX(id), 0) FROM job_attempt", r -> r.getLong(1)).orElseThrow();

      frame.ports().queue().resume(null);
      await().atMost(FINISH).until(() -> frame.ports().library().image(fresh).state() == ImageState.PROCESSED);

      long freshThumbnailRun = jdbc.queryOne("SELECT MIN(id) FROM job_attempt WHERE job_id = ?", r -> r.getLong(1),
          jobOf(frame, fresh, JobType.THUMBNAIL_GENERATION).id()).orElseThrow();
      long claimedBefore = jdbc.queryOne("""
          SELECT COUNT(*) FROM job_attempt a JOIN job j ON j.id = a.job_id
          WHERE j.priority = ? AND a.id > ? AND a.id < ?
          """, r -> r.getLong(1), JobPriority.BACKGROUND.rank(), runsBefore, freshThumbnailRun).orElseThrow();
      // only what was already claimed with the fresh photo's first step (one batch) went before it
      assertThat(claimedBefore).as("backfill jobs started before the fresh thumbnail").isLessThan(20);
      FrameFixture.awaitAllFinal(frame, FINISH);
      assertThat(frame.ports().library().list(ImageQuery.all())).allMatch(i -> i.state() == ImageState.PROCESSED);
    }
  }

  /** Null when {@code file} is a whole JPEG that decodes; what is wrong otherwise. */
  private static String wholeJpeg(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length < 4 || (bytes[bytes.length - 2] & 0xFF) != 0xFF || (bytes[bytes.length - 1] & 0xFF) != 0xD9) {
        return "no end-of-image marker after " + bytes.length + " bytes";
      }
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
      return decoded == null ? "does not decode" : null;
    } catch (Exception e) {
      return e.toString();
    }
  }
}
