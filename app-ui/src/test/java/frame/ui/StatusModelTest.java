package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
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
}
