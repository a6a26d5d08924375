package frame.ui.library;

import static frame.core.testing.TestImages.detailedPhoto;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.jobs.JobState;
import frame.core.api.library.LibraryQuery;
import frame.core.testing.Bursts;
import frame.ui.MainWindow;
import frame.ui.WindowOnLibrary;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Stacks folded in the real window on a real library: a generated burst is one tile with its
 * frame count, S and the badge open and close it in place, and a mark on the folded tile goes to
 * the top only.
 */
@ExtendWith(ApplicationExtension.class)
class FoldedStacksWindowTest {
  Path dataDir;
  Frame frame;
  MainWindow window;
  WindowOnLibrary shown;

  @Start
  void start(Stage stage) throws Exception {
    dataDir = Files.createTempDirectory("frame-fold-ui");
    shown = WindowOnLibrary.show(stage, dataDir);
    frame = shown.frame();
    window = shown.window();
  }

  @AfterEach
  void stop() throws Exception {
    shown.close();
  }

  @Test
  void a_burst_is_one_tile_that_s_and_its_badge_open_and_close_and_a_mark_goes_to_its_top(FxRobot robot)
      throws Exception {
    BufferedImage scene = detailedPhoto(1200, 800, 5);
    Path card = Files.createDirectories(dataDir.resolve("Burst"));
    Bursts.threeFrames(card, scene);
    Bursts.shot(card, "IMG_0004.jpg", detailedPhoto(1200, 800, 77), "2024:05:02 10:05:00");
    LibraryView view = robot.lookup(".library").queryAs(LibraryView.class);
    robot.interact(() -> view.acceptDrop(List.of(card.toFile())));
    waitUntil(() -> frame.ports().library().ids(LibraryQuery.all()).size() == 4);
    List<Long> ids = frame.ports().library().ids(LibraryQuery.all());
    waitUntil(() -> ids.stream().map(this::marks).allMatch(m -> m.sharpness() != null)
        && ids.stream().map(this::marks).filter(m -> m.stack() != null).count() == 3);
    // every analysis job ended: the stack's top is settled (each measure may move it)
    waitUntil(() -> {
      var counts = frame.ports().jobs().countsByState();
      return counts.getOrDefault(JobState.PENDING, 0L) + counts.getOrDefault(JobState.RUNNING, 0L) == 0;
    });
    ImageMarks any = ids.stream().map(this::marks).filter(m -> m.stack() != null).findFirst().orElseThrow();
    long top = any.stackTop();
    List<Long> frames = ids.stream().filter(id -> marks(id).stack() != null).toList();

    waitUntil(() -> shownIds().size() == 2 && shownIds().contains(top), () -> state(ids, top));
    waitUntil(() -> badges(robot).equals(List.of("⧉ 3")));
    // the top's position on a page of now: a grid still showing a page the last refresh made stale
    // answers -1 (then no arrow reached the top and the pick went to the other tile)
    waitUntil(() -> onFx(() -> window.library().indexOf(top)) >= 0, () -> state(ids, top));
    int at = onFx(() -> window.library().indexOf(top));
    assertThat(at).as("the folded stack's place among two tiles").isBetween(0, 1);

    // the keys go to the grid, and each has moved the cursor before the next
    robot.interact(() -> window.libraryView().grid().requestFocus());
    robot.type(KeyCode.RIGHT); // lands on the first tile
    waitUntil(() -> cursor() == 0, () -> state(ids, top));
    if (at == 1) {
      robot.type(KeyCode.RIGHT);
      waitUntil(() -> cursor() == 1, () -> state(ids, top));
    }
    robot.type(KeyCode.P);
    waitUntil(() -> marks(top).flag() == Flag.PICK, () -> state(ids, top));
    assertThat(frames.stream().filter(id -> id != top)).as("the other frames are not marked")
        .allSatisfy(id -> assertThat(marks(id).flag()).isNull());

    robot.type(KeyCode.S);
    waitUntil(() -> shownIds().size() == 4);
    List<Long> open = shownIds();
    assertThat(open.get(at)).as("the top stays where the stack was").isEqualTo(top);
    assertThat(open.subList(at, at + 3)).as("its frames follow it").containsExactlyInAnyOrderElementsOf(frames);
    waitUntil(() -> badges(robot).equals(List.of("⧉ 3 ▾")));

    Node badge = robot.lookup(".tile-stack").match(Node::isVisible).query();
    robot.interact(() -> Event.fireEvent(badge, click(badge)));
    waitUntil(() -> shownIds().size() == 2 && badges(robot).equals(List.of("⧉ 3")));
    assertThat(onFx(() -> window.library().cursor().get())).as("the cursor stays on the stack").isEqualTo(at);

    CheckBox fold = robot.lookup("#library-fold-stacks").queryAs(CheckBox.class);
    robot.interact(() -> fold.setSelected(false));
    waitUntil(() -> shownIds().size() == 4 && badges(robot).isEmpty());
  }

  private List<Long> shownIds() throws Exception {
    return onFx(() -> IntStream.range(0, window.library().size().get()).mapToObj(window.library()::tileAt).toList())
        .stream().map(tile -> tile == null ? 0L : tile.imageId().get()).toList();
  }

  private static List<String> badges(FxRobot robot) throws Exception {
    return onFx(() -> robot.lookup(".tile-stack").queryAllAs(Label.class).stream()
        .filter(Node::isVisible).map(Label::getText).toList());
  }

  private static MouseEvent click(Node node) {
    var center = node.localToScene(node.getLayoutBounds().getCenterX(), node.getLayoutBounds().getCenterY());
    return new MouseEvent(MouseEvent.MOUSE_CLICKED, center.getX(), center.getY(), 0, 0, MouseButton.PRIMARY, 1,
        false, false, false, false, true, false, false, true, false, false, null);
  }

  private ImageMarks marks(long id) {
    return frame.ports().culling().marks(List.of(id)).get(id);
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
  }

  /** As {@link #waitUntil(Callable)}, and a timeout says what the window and the library held then. */
  private static void waitUntil(Callable<Boolean> condition, Callable<String> state) throws Exception {
    try {
      waitUntil(condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not reached in 120 s; " + state.call(), e);
    }
  }

  private int cursor() throws Exception {
    return onFx(() -> window.library().cursor().get());
  }

  /** The grid's photos and cursor, and each photo's stack, top and flag. */
  private String state(List<Long> ids, long top) throws Exception {
    return "top " + top + ", grid " + shownIds() + ", cursor " + cursor()
        + ", photos " + ids.stream().map(id -> id + ": " + marks(id)).toList();
  }
}
