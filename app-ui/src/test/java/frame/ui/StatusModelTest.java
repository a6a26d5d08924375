package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.config.FrameConfig;
import frame.core.db.Jdbc;
import frame.core.api.imports.IngestResult;
import frame.core.testing.FrameFixture;
import frame.core.testing.LargeLibrary;
import frame.core.testing.SettableClock;
import frame.ui.common.Background;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status bar's count of photos in one place only, on a real core with no FX toolkit: read again
 * when photos change, and otherwise at most every half minute, not on every tick of the clock.
 */
class StatusModelTest {
  @TempDir Path dataDir;
  @TempDir Path photos;
  Frame frame;
  SettableClock clock = new SettableClock();
  StatusModel status;
  AutoCloseable subscription;

  @BeforeEach
  void open() {
    frame = FrameFixture.open(dataDir);
    status = new StatusModel(frame, Background.sameThread(), clock);
    subscription = frame.ports().events().subscribe(status::onEvent);
  }

  @AfterEach
  void close() throws Exception {
    subscription.close();
    frame.close();
  }

  @Test
  void the_one_place_count_is_read_again_when_a_photo_arrives_and_otherwise_every_half_minute() throws Exception {
    status.refresh();
    assertThat(status.text().get()).startsWith("Queue: ").doesNotContain("one place only");

    LargeLibrary.seed(frame, 5); // rows written straight in, as another process would: no event here
    clock.advance(Duration.ofSeconds(1));
    status.refresh();
    assertThat(status.text().get()).as("the tick a second later").doesNotContain("one place only");

    clock.advance(StatusModel.ONE_PLACE_EVERY);
    status.refresh();
    assertThat(status.text().get()).contains("5 photos in one place only");

    Path file = write(photos, "IMG_0001.JPG", jpeg(photo(320, 240, 1)));
    assertThat(frame.ports().imports().importFile(file)).isInstanceOf(IngestResult.Stored.class);
    // the clock stands still: only the import's event (delivered on its own thread) makes the count read again
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      status.refresh();
      return status.text().get().contains("6 photos in one place only");
    });
  }

  @Test
  void the_queue_counts_are_the_waiting_running_and_failed_jobs_among_a_library_of_completed_ones() {
    FrameConfig config = FrameFixture.config(photos); // no runner: the jobs stay in the states set here
    try (Frame still = Frame.open(config, clock, Frame.settingsFor(config), false)) {
      LargeLibrary.seed(still, 20); // 120 jobs, all completed
      Jdbc jdbc = FrameTestAccess.database(still).jdbc();
      jdbc.update("UPDATE job SET state = 'PENDING' WHERE id IN (1, 2, 3)");
      jdbc.update("UPDATE job SET state = 'RUNNING' WHERE id = 4");
      jdbc.update("UPDATE job SET state = 'FAILED' WHERE id IN (5, 6)");
      jdbc.update("UPDATE job SET state = 'CANCELLED' WHERE id = 7");
      StatusModel bar = new StatusModel(still, Background.sameThread(), clock);

      bar.refresh();

      assertThat(bar.text().get()).startsWith("Queue: 3 waiting · 1 running · 0 images/min · 2 failed jobs");
    }
  }
}
