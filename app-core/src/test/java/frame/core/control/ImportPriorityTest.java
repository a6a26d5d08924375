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
import frame.core.api.imports.ImportSources;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobType;
import frame.core.testing.FrameFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: a big folder import still lets a photo dropped later get its thumbnail first. */
class ImportPriorityTest {
  private static final Duration FINISH = Duration.ofSeconds(90);

  @TempDir Path dataDir;
  @TempDir Path archive;
  @TempDir Path dropped;

  @Test
  void only_an_import_of_more_than_the_documented_number_of_files_is_large() {
    assertThat(ImportSources.priorityFor(1)).isEqualTo(JobPriority.FRESH);
    assertThat(ImportSources.priorityFor(ImportSources.LARGE_IMPORT_FILES)).isEqualTo(JobPriority.FRESH);
    assertThat(ImportSources.priorityFor(ImportSources.LARGE_IMPORT_FILES + 1)).isEqualTo(JobPriority.BULK);
    assertThat(JobPriority.ofRank(JobPriority.BULK.rank())).isEqualTo(JobPriority.BULK);
    assertThat(JobPriority.ofRank(0)).isEqualTo(JobPriority.FRESH);
    assertThat(JobPriority.ofRank(10)).isEqualTo(JobPriority.BACKGROUND);
  }

  @Test
  void a_photo_dropped_while_a_large_folder_import_waits_gets_its_thumbnail_before_the_import_s_remaining_ones() {
    int archivePhotos = 60;
    for (int i = 0; i < archivePhotos; i++) write(archive, "roll/" + i + ".jpg", jpeg(photo(96, 64, 300 + i)));
    try (Frame frame = FrameFixture.open(dataDir)) {
      // the import is all queued before any of it runs: otherwise the order would depend on timing
      frame.ports().queue().pause(null);
      List<Path> files = ImportSources.expand(List.of(archive));
      assertThat(files).hasSize(archivePhotos);
      JobPriority large = ImportSources.priorityFor(files.size());
      List<Long> archiveIds = new ArrayList<>();
      for (Path file : files) archiveIds.add(stored(frame.ports().imports().importFile(file, large)).id());
      List<Path> one = ImportSources.expand(List.of(write(dropped, "fresh.jpg", jpeg(photo(96, 64, 7)))));
      long fresh = stored(frame.ports().imports().importFile(one.get(0), ImportSources.priorityFor(one.size()))).id();

      frame.ports().queue().resume(null);
      await().atMost(FINISH).until(() -> frame.ports().library().image(fresh).state() == ImageState.PROCESSED);

      var jdbc = FrameTestAccess.database(frame).jdbc();
      long freshThumbnail = jobOf(frame, fresh, JobType.THUMBNAIL_GENERATION).id();
      long freshThumbnailRun = jdbc.queryOne("SELECT MIN(id) FROM job_attempt WHERE job_id = ?", r -> r.getLong(1),
          freshThumbnail).orElseThrow();
      long archiveThumbnailsBefore = jdbc.queryOne("""
          SELECT COUNT(*) FROM job_attempt a JOIN job j ON j.id = a.job_id
          WHERE j.type = 'THUMBNAIL_GENERATION' AND j.image_id <> ? AND a.id < ?
          """, r -> r.getLong(1), fresh, freshThumbnailRun).orElseThrow();
      // only what was claimed in the same batch as the fresh photo's steps may go before it
      assertThat(archiveThumbnailsBefore).as("archive thumbnails started before the dropped photo's").isLessThan(10);

      FrameFixture.awaitAllFinal(frame, FINISH);
      assertThat(frame.ports().library().list(ImageQuery.all())).hasSize(archivePhotos + 1)
          .allMatch(i -> i.state() == ImageState.PROCESSED);
      assertThat(jobOf(frame, fresh, JobType.THUMBNAIL_GENERATION).priority()).isEqualTo(JobPriority.FRESH);
      for (long id : archiveIds) {
        assertThat(jobOf(frame, id, JobType.THUMBNAIL_GENERATION).priority()).as("steps keep the import's level")
            .isEqualTo(JobPriority.BULK);
      }
    }
  }
}
