package frame.core.job;

import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.JobWithImage;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.config.FrameConfig;
import frame.core.FrameTestAccess;
import frame.core.db.Jdbc;
import frame.core.api.library.ImageFormat;
import frame.core.image.ImageRepository;
import frame.core.api.library.ImageState;
import frame.core.testing.CountingDataSource;
import frame.core.testing.FrameFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin list reads each job with its photo: a page of a thousand is one statement, not a thousand and one. */
class JobsWithImagesTest {
  private static final int PHOTOS = 1000;

  @TempDir Path dataDir;

  @Test
  void a_page_of_a_thousand_jobs_and_their_photos_is_one_statement() throws Exception {
    FrameConfig config = FrameFixture.config(dataDir);
    try (Frame frame = Frame.open(config, Clock.systemUTC(), Frame.settingsFor(config), false)) {
      fill(FrameTestAccess.database(frame).jdbc());
    }

    JDBCDataSource hsqldb = new JDBCDataSource();
    hsqldb.setUrl(config.databaseUrl());
    hsqldb.setUser("SA");
    hsqldb.setPassword("");
    CountingDataSource counting = new CountingDataSource(hsqldb);
    try {
      JobRepository jobs = new JobRepository(new Jdbc(counting));

      List<JobWithImage> page = jobs.listWithImages(new JobQuery(null, JobType.THUMBNAIL_GENERATION, null, 1000, 0));

      assertThat(counting.executed()).as("statements for one page").hasSize(1);
      assertThat(page).hasSize(1000);
      assertThat(page).allSatisfy(row -> {
        assertThat(row.image()).isNotNull();
        assertThat(row.image().id()).isEqualTo(row.job().imageId());
        assertThat(row.image().originalName()).isEqualTo("IMG_%04d.JPG".formatted(row.image().id()));
      });
      assertThat(page.getFirst().job().id()).as("newest first").isGreaterThan(page.getLast().job().id());

      counting.reset();
      List<JobWithImage> noImage = jobs.listWithImages(new JobQuery(null, JobType.NOOP, null, 10, 0));
      assertThat(noImage).singleElement().satisfies(row -> assertThat(row.image()).isNull());
      List<JobWithImage> failed = jobs.listWithImages(new JobQuery(JobState.FAILED, JobType.THUMBNAIL_GENERATION, 7L, 10, 0));
      assertThat(failed).singleElement().satisfies(row -> {
        assertThat(row.job().state()).isEqualTo(JobState.FAILED);
        assertThat(row.image().state()).isEqualTo(ImageState.INGESTED);
        assertThat(row.image().format()).isEqualTo(ImageFormat.PNG);
        assertThat(row.image().width()).isEqualTo(640);
      });
      assertThat(counting.executed()).as("filters on the joined tables are one statement each").hasSize(2);
    } finally {
      try (Connection connection = hsqldb.getConnection(); Statement shutdown = connection.createStatement()) {
        shutdown.execute("SHUTDOWN");
      }
    }
  }

  /** A thousand photos, each with a thumbnail job (image 7's FAILED), and one job of no photo. */
  private static void fill(Jdbc jdbc) {
    ImageRepository images = new ImageRepository(jdbc);
    JobRepository jobs = new JobRepository(jdbc);
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    jdbc.inTransaction(tx -> {
      for (int i = 1; i <= PHOTOS; i++) {
        long id = images.insert(tx, new ImageRepository.NewImage("%064x".formatted(i), ImageFormat.PNG, 640, 480, 1234,
            "IMG_%04d.JPG".formatted(i), null, null, null), now);
        jobs.enqueue(tx, NewJob.forImage(JobType.THUMBNAIL_GENERATION, id), now);
      }
      tx.update("UPDATE job SET state = 'FAILED' WHERE image_id = 7");
      jobs.enqueue(tx, new NewJob(JobType.NOOP, null, "{}", 1), now);
      return null;
    });
  }
}
