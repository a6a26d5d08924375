package frame.ui;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.testing.FrameFixture;
import frame.core.testing.LargeLibrary;
import frame.ui.library.LibraryModel;
import frame.ui.server.ServerModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a library of 10 000 photos: it opens holding a screenful, not the library, and
 * stays so while the keyboard walks to the end. The time to a filled first screen and the heap
 * are written to target/performance/window-10000.txt (figures, not asserts: this machine is shared).
 */
@ExtendWith(ApplicationExtension.class)
class LargeLibraryWindowTest {
  @Test
  void a_library_of_10000_photos_opens_with_a_screenful_in_memory(FxRobot robot) throws Exception {
    Path dataDir = Files.createTempDirectory("frame-ui-large");
    try (Frame frame = FrameFixture.open(dataDir)) {
      LargeLibrary.seed(frame, 10_000);
      long heapBefore = usedHeapAfterGc();
      FxBackground background = new FxBackground(2);
      ExecutorService ingestQueue = LibraryModel.newIngestQueue();
      MainWindow[] window = new MainWindow[1];
      Stage stage = org.testfx.api.FxToolkit.registerPrimaryStage();
      long started = System.nanoTime();
      robot.interact(() -> {
        window[0] = new MainWindow(frame, background, new ServerModel(frame, background, 0, false), ingestQueue);
        window[0].show(stage);
      });
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(".tile-name").queryAllAs(javafx.scene.control.Label.class)
          .stream().anyMatch(l -> l.getText().equals("photo-10000.jpg")));
      long readyMillis = (System.nanoTime() - started) / 1_000_000;
      long heapOpen = usedHeapAfterGc();
      int tilesOpen = WaitForAsyncUtils.asyncFx(() -> window[0].library().loadedTiles()).get();

      long walkStarted = System.nanoTime();
      robot.interact(() -> window[0].library().moveCursor(10_000, false)); // what End does
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(".tile-name").queryAllAs(javafx.scene.control.Label.class)
          .stream().anyMatch(l -> l.getText().equals("photo-00001.jpg")));
      long endMillis = (System.nanoTime() - walkStarted) / 1_000_000;
      for (int i = 0; i < 40; i++) robot.interact(() -> window[0].library().moveCursor(-250, false)); // scrolls back up
      int tilesAfter = WaitForAsyncUtils.asyncFx(() -> window[0].library().loadedTiles()).get();
      long heapAfter = usedHeapAfterGc();

      assertThat(window[0].library().size().get()).isEqualTo(10_000);
      assertThat(tilesOpen).isLessThanOrEqualTo(LibraryModel.PAGE);
      assertThat(tilesAfter).isLessThanOrEqualTo(LibraryModel.PAGES_KEPT * LibraryModel.PAGE);
      String figures = """
          photos            10000
          ready             %d ms (window built and shown to the first screen of tiles drawn)
          jump to the end   %d ms (cursor to the last photo, its tile drawn)
          heap before       %.1f MB (core open, 10 000 rows in the database, no window)
          heap open         %.1f MB (+%.1f MB for the window; %d tiles held)
          heap after walk   %.1f MB (+%.1f MB; %d tiles held after jumping to the end and back to the top in 40 steps)
          """.formatted(readyMillis, endMillis, mb(heapBefore), mb(heapOpen), mb(heapOpen - heapBefore), tilesOpen,
          mb(heapAfter), mb(heapAfter - heapBefore), tilesAfter);
      System.out.println(figures);
      Path out = Path.of("target", "performance", "window-10000.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, figures);
      DesktopWindowTest.snapshotWindow(robot, window[0].root(), "library-10000");
      window[0].close();
      ingestQueue.shutdownNow();
      background.close();
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
