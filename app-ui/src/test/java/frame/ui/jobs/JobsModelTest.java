package frame.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.config.FrameConfig;
import frame.core.testing.FrameFixture;
import frame.core.testing.LargeLibrary;
import frame.ui.common.Background;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs pane on a real core (no runner, no FX toolkit): hidden, it reads no jobs (its counts
 * read every job of the library, six a photo), however many change; shown, it reads them at once
 * and follows each change.
 */
class JobsModelTest {
  @TempDir Path dataDir;
  Frame frame;
  JobsModel jobs;

  @BeforeEach
  void open() {
    FrameConfig config = FrameFixture.config(dataDir);
    frame = Frame.open(config, Clock.systemUTC(), Frame.settingsFor(config), false);
    LargeLibrary.seed(frame, 5); // each photo with the six jobs an import leaves completed
    jobs = new JobsModel(frame, Background.sameThread());
  }

  @AfterEach
  void close() {
    frame.close();
  }

  @Test
  void a_hidden_pane_reads_no_jobs_until_it_is_shown_then_follows_each_change() {
    jobs.showing(false);
    jobs.onEvent(new FrameEvent.JobChanged(1, 1L, JobType.THUMBNAIL_GENERATION, JobState.COMPLETED));
    assertThat(jobs.jobs()).as("hidden: nothing read").isEmpty();
    assertThat(jobs.counts().get()).isEmpty();

    jobs.showing(true);
    assertThat(jobs.jobs()).hasSize(30);
    assertThat(jobs.counts().get()).startsWith("0 pending · 0 running · 30 completed");

    FrameTestAccess.database(frame).jdbc().update("UPDATE job SET state = 'FAILED' WHERE id = 1");
    jobs.onEvent(new FrameEvent.JobChanged(1, 1L, JobType.OFFLOAD_ORIGINAL, JobState.FAILED));
    assertThat(jobs.counts().get()).as("shown: a change reads again").contains("29 completed · 1 failed");

    jobs.showing(false);
    FrameTestAccess.database(frame).jdbc().update("UPDATE job SET state = 'FAILED' WHERE id = 2");
    jobs.onEvent(new FrameEvent.JobChanged(2, 1L, JobType.THUMBNAIL_GENERATION, JobState.FAILED));
    assertThat(jobs.counts().get()).as("hidden again: not read").contains("29 completed · 1 failed");
    jobs.showing(true);
    assertThat(jobs.counts().get()).as("shown after a change: read at once").contains("28 completed · 2 failed");
  }
}
