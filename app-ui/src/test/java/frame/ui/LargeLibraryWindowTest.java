package frame.ui;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.testing.FrameFixture;
import frame.core.testing.LargeLibrary;
import frame.ui.library.LibraryModel;
import frame.ui.server.ServerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a library of 10 000 photos beside the window on a small one (20 photos), opened
 * in turn in the same JVM, several rounds: it holds a screenful, not the library, and stays so
 * while the keyboard walks to the end. Every seeded photo has thumbnail files, so the first
 * screen decodes real thumbnails. The medians of the time to a first screen with its pictures
 * drawn, the resident memory (VmRSS) and the heap go to target/performance/window-10000.txt:
 * figures, not asserts (this machine is shared). It runs in a JVM started with the product's options
 * (the {@code product-jvm} execution in app-ui's pom), so the JIT and the heap behave as in the user's window.
 */
@Tag("product-jvm")
@ExtendWith(ApplicationExtension.class)
class LargeLibraryWindowTest {
  private static final int SMALL = 20;
  private static final int LARGE = 10_000;
  /** Counted rounds after the warm-up rounds; {@code -Dframe.window.rounds=5} for steadier figures. */
  private static final int ROUNDS = Integer.getInteger("frame.window.rounds", 3);
  /**
   * Uncounted rounds of each library first. With one, the JIT still compiled 200-400 methods in each
   * counted opening (a second to three of compiling, on the compiler's threads, inside "CPU to
   * first tiles"), more in those that came first: the figure measured the JIT's progress.
   */
  private static final int WARMUPS = Integer.getInteger("frame.window.warmups", 3);

  /** One window opened on a library: time to its first screen drawn, and memory before and with it. */
  record Opening(long startedAt, long endedAt, long firstTilesMillis, long cpuMillis, long jitMillis, String cpuByThread, long rssBefore, long rssOpen,
      long heapBefore, long heapOpen, int tilesHeld, int picturesDrawn) {}

  @Test
  void a_library_of_10000_photos_opens_with_a_screenful_in_memory_like_a_small_one(FxRobot robot) throws Exception {
    Path small = SeededLibrary.withThumbnails(Files.createTempDirectory("frame-ui-small"), SMALL);
    Path large = SeededLibrary.withThumbnails(Files.createTempDirectory("frame-ui-large"), LARGE);
    Stage stage = FxToolkit.registerPrimaryStage();
    // warm-up, not counted: the JVM's first windows load JavaFX, the CSS and the JIT's code for both sizes
    for (int round = 0; round < WARMUPS; round++) {
      open(robot, stage, small, SMALL, false);
      open(robot, stage, large, LARGE, false);
    }
    List<Opening> smalls = new ArrayList<>();
    List<Opening> larges = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean smallFirst = round % 2 == 0; // alternate, so neither always follows the other
      if (smallFirst) smalls.add(open(robot, stage, small, SMALL, false));
      larges.add(open(robot, stage, large, LARGE, false));
      if (!smallFirst) smalls.add(open(robot, stage, small, SMALL, false));
    }
    Opening walked = open(robot, stage, large, LARGE, true);

    assertThat(larges).allSatisfy(o -> assertThat(o.tilesHeld()).isLessThanOrEqualTo(LibraryModel.PAGE));
    assertThat(larges).allSatisfy(o -> assertThat(o.picturesDrawn()).isPositive());
    assertThat(walked.tilesHeld()).isLessThanOrEqualTo(LibraryModel.PAGES_KEPT * LibraryModel.PAGE);
    String figures = figures(smalls, larges, walked);
    System.out.println(figures);
    Path out = Path.of("target", "performance", "window-10000.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures);
  }

  /**
   * Opens the library in {@code dataDir} and its window on {@code stage}, waits for the first screen
   * (the newest photo's tile, every picture on screen decoded), measures, and closes both. With
   * {@code walk}, it then jumps to the end and back to the top and measures what is held after.
   */
  private Opening open(FxRobot robot, Stage stage, Path dataDir, int photos, boolean walk) throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Memory before = Memory.afterGc();
      FxBackground background = new FxBackground(2);
      ExecutorService ingestQueue = LibraryModel.newIngestQueue();
      MainWindow[] window = new MainWindow[1];
      long startedAt = System.currentTimeMillis();
      long started = System.nanoTime();
      long cpuStarted = cpuNanos();
      long jitStarted = jitMillis();
      ThreadCpu threadsBefore = ThreadCpu.now();
      robot.interact(() -> {
        window[0] = new MainWindow(frame, background, new ServerModel(frame, background, 0, false), ingestQueue);
        window[0].show(stage);
      });
      String newest = "photo-%05d.jpg".formatted(photos);
      WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shows(robot, newest) && picturesDrawn(robot) > 0
          && picturesLoading(robot) == 0);
      long millis = (System.nanoTime() - started) / 1_000_000;
      long endedAt = System.currentTimeMillis();
      long cpuMillis = (cpuNanos() - cpuStarted) / 1_000_000;
      long jit = jitMillis() - jitStarted;
      String byThread = ThreadCpu.now().since(threadsBefore);
      int drawn = WaitForAsyncUtils.asyncFx(() -> picturesDrawn(robot)).get();
      if (walk) {
        robot.interact(() -> window[0].library().moveCursor(photos, false)); // what End does
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shows(robot, "photo-00001.jpg"));
        for (int i = 0; i < 40; i++) robot.interact(() -> window[0].library().moveCursor(-250, false)); // back up
        assertThat(window[0].library().size().get()).isEqualTo(photos);
        DesktopWindowTest.snapshotWindow(robot, window[0].root(), "library-10000");
      }
      Memory open = Memory.afterGc();
      int tiles = WaitForAsyncUtils.asyncFx(() -> window[0].library().loadedTiles()).get();
      robot.interact(stage::hide);
      window[0].close();
      ingestQueue.shutdownNow();
      background.close();
      robot.interact(() -> stage.setScene(null)); // the next window's memory must not hold this one's
      return new Opening(startedAt, endedAt, millis, cpuMillis, jit, byThread, before.rss(), open.rss(), before.heap(), open.heap(), tiles, drawn);
    }
  }

  /** CPU time of this JVM (user + system, every thread): less at the mercy of the machine's load than wall time. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The JIT's compile tasks so far, their wall time (its threads are no Java threads; their CPU counts in the JVM's). */
  private static long jitMillis() {
    return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  private static boolean shows(FxRobot robot, String name) {
    return robot.lookup(".tile-name").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals(name));
  }

  private static List<ImageView> pictures(FxRobot robot) {
    return robot.lookup(".tile-picture").queryAll().stream()
        .flatMap(node -> ((javafx.scene.Parent) node).getChildrenUnmodifiable().stream())
        .filter(ImageView.class::isInstance).map(ImageView.class::cast)
        .filter(view -> view.getImage() != null && view.isVisible()).toList();
  }

  private static int picturesDrawn(FxRobot robot) {
    return (int) pictures(robot).stream().filter(v -> v.getImage().getProgress() >= 1 && !v.getImage().isError()).count();
  }

  private static int picturesLoading(FxRobot robot) {
    return (int) pictures(robot).stream().filter(v -> v.getImage().getProgress() < 1 && !v.getImage().isError()).count();
  }

  private static String figures(List<Opening> smalls, List<Opening> larges, Opening walked) {
    long smallMillis = median(smalls, Opening::firstTilesMillis);
    long largeMillis = median(larges, Opening::firstTilesMillis);
    long smallRss = median(smalls, Opening::rssOpen);
    long largeRss = median(larges, Opening::rssOpen);
    return """
        JVM options            %s
        rounds                 %d (alternating, after %d warm-up rounds of each; medians)
        first tiles            %d ms small (%d photos), %d ms large (%d photos): ratio %.2f
                               (window built and shown until the newest photo's tile is drawn with every picture on screen decoded)
        first tiles, each run  small %s ms; large %s ms
        CPU to first tiles     %d ms small, %d ms large: ratio %.2f (the JVM's user + system time, every thread, same span)
        CPU, each run          small %s ms; large %s ms
        JIT compiling, each    small %s ms; large %s ms (the compiler's tasks in the same span, their wall time: the JIT still at work)
        CPU by thread          small (median run) %s
                               large (median run) %s
        pictures decoded       %d small, %d large (thumbnail files exist for every seeded photo)
        resident (VmRSS) open  %.1f MB small, %.1f MB large: %+.1f MB more for the large library
        resident, each run     small %s MB; large %s MB
        resident before window %.1f MB small, %.1f MB large (core open, after GC)
        heap open              %.1f MB small, %.1f MB large (after GC): %+.1f MB
        heap, each run         small %s MB; large %s MB
        heap before window     %.1f MB small, %.1f MB large
        tiles held             %d small, %d large; %d after jumping to the end and back to the top in 40 steps
        heap after the walk    %.1f MB (resident %.1f MB)
        spans (epoch ms)       small %s; large %s (to find a recording's events inside each opening)
        """.formatted(jvmOptions(), smalls.size(), WARMUPS, smallMillis, SMALL, largeMillis, LARGE, (double) largeMillis / Math.max(1, smallMillis),
        each(smalls, Opening::firstTilesMillis, 1), each(larges, Opening::firstTilesMillis, 1),
        median(smalls, Opening::cpuMillis), median(larges, Opening::cpuMillis),
        (double) median(larges, Opening::cpuMillis) / Math.max(1, median(smalls, Opening::cpuMillis)),
        each(smalls, Opening::cpuMillis, 1), each(larges, Opening::cpuMillis, 1),
        each(smalls, Opening::jitMillis, 1), each(larges, Opening::jitMillis, 1),
        medianRun(smalls).cpuByThread(), medianRun(larges).cpuByThread(),
        median(smalls, Opening::picturesDrawn), median(larges, Opening::picturesDrawn),
        mb(smallRss), mb(largeRss), mb(largeRss - smallRss),
        each(smalls, Opening::rssOpen, 1 << 20), each(larges, Opening::rssOpen, 1 << 20),
        mb(median(smalls, Opening::rssBefore)), mb(median(larges, Opening::rssBefore)),
        mb(median(smalls, Opening::heapOpen)), mb(median(larges, Opening::heapOpen)),
        mb(median(larges, Opening::heapOpen) - median(smalls, Opening::heapOpen)),
        each(smalls, Opening::heapOpen, 1 << 20), each(larges, Opening::heapOpen, 1 << 20),
        mb(median(smalls, Opening::heapBefore)), mb(median(larges, Opening::heapBefore)),
        median(smalls, Opening::tilesHeld), median(larges, Opening::tilesHeld), walked.tilesHeld(),
        mb(walked.heapOpen()), mb(walked.rssOpen()), spans(smalls), spans(larges));
  }

  /** The options this JVM was started with that shape the JIT and the heap (the product's, see app-ui's pom). */
  private static String jvmOptions() {
    return String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX") || a.startsWith("-Xm") || a.startsWith("-Xs")).toList());
  }

  private static String spans(List<Opening> runs) {
    return String.join(" ", runs.stream().map(o -> o.startedAt() + "-" + o.endedAt()).toList());
  }

  private static long median(List<Opening> runs, ToLongFunction<Opening> figure) {
    long[] sorted = runs.stream().mapToLong(figure).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  /** The run whose CPU to first tiles is the median (the lower middle of an even count). */
  private static Opening medianRun(List<Opening> runs) {
    List<Opening> sorted = runs.stream().sorted(java.util.Comparator.comparingLong(Opening::cpuMillis)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static String each(List<Opening> runs, ToLongFunction<Opening> figure, long unit) {
    return String.join(" ", runs.stream().map(o -> String.valueOf(figure.applyAsLong(o) / unit)).toList());
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
