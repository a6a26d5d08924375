package frame.ui.library;

import static frame.core.testing.TestImages.detailedPhoto;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.onFx;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.library.LibraryQuery;
import frame.core.testing.Bursts;
import frame.ui.LibraryWindow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The compare view in the real window on a real core: the selection or a stack side by side. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-compare-ui");

  @Test
  void two_selected_photos_side_by_side_zoom_and_pan_together_and_the_keys_mark_the_focused_one(FxRobot robot)
      throws Exception {
    Path card = Files.createDirectories(shown.dataDir().resolve("Card"));
    write(card, "A.jpg", jpeg(detailedPhoto(1600, 1100, 1)));
    write(card, "B.jpg", jpeg(detailedPhoto(1600, 1100, 99)));
    drop(robot, card);
    waitUntil(() -> processed() == 2);
    CompareView compare = shown.window().libraryView().compare();

    robot.type(KeyCode.RIGHT).type(KeyCode.C); // one photo in no stack: nothing to compare
    waitUntil(() -> robot.lookup("#library-notice").queryAs(Label.class).getText().startsWith("Select two to four photos"));
    assertThat(compare.isVisible()).isFalse();

    robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
    waitUntil(() -> onFx(() -> shown.window().library().selectedCount().get()) == 2);
    robot.type(KeyCode.C);
    waitUntil(() -> onFx(compare::isVisible));
    List<Long> ids = shown.frame().ports().library().ids(LibraryQuery.all()).stream().sorted().toList();
    assertThat(onFx(compare::shownIds)).isEqualTo(ids);
    waitUntil(() -> robot.lookup(".compare-caption").queryAllAs(Label.class).stream()
        .allMatch(l -> l.getText().matches("[AB]\\.jpg  ·  ☆☆☆☆☆.*")));

    robot.type(KeyCode.P); // the first pane has the focus
    waitUntil(() -> marks(ids.get(0)).flag() == Flag.PICK);
    robot.type(KeyCode.RIGHT).type(KeyCode.X).type(KeyCode.DIGIT2);
    waitUntil(() -> marks(ids.get(1)).flag() == Flag.REJECT && marks(ids.get(1)).rating() == 2);
    assertThat(marks(ids.get(0)).flag()).isEqualTo(Flag.PICK);
    assertThat(marks(ids.get(0)).rating()).isZero();
    waitUntil(() -> onFx(() -> caption(robot, 1)).contains("★★☆☆☆ · ✕ Reject"));
    javafx.scene.Node first = robot.lookup(".compare-pane").nth(0).query();
    robot.interact(() -> javafx.event.Event.fireEvent(first, press(first))); // a click on the first pane
    assertThat(onFx(compare::focusedId)).isEqualTo(ids.get(0));
    String owner = onFx(() -> String.valueOf(compare.getScene().getFocusOwner()));
    assertThat(onFx(() -> inside(compare.getScene().getFocusOwner(), compare))).as("the keys still go to compare, not %s", owner).isTrue();

    robot.type(KeyCode.Z); // 100% in both panes
    waitUntil(() -> onFx(() -> zoom(compare, 0).actualSize().get() && zoom(compare, 1).actualSize().get()));
    // a drag's worth of panning in the first pane moves the second the same way
    waitUntil(() -> onFx(() -> {
      zoom(compare, 0).pan(-40, -30);
      return zoom(compare, 1).panX().get() < 0 && zoom(compare, 1).panY().get() < 0;
    }));
    assertThat(onFx(() -> zoom(compare, 1).panX().get())).isEqualTo(onFx(() -> zoom(compare, 0).panX().get()));
    robot.type(KeyCode.Z);
    waitUntil(() -> onFx(() -> !zoom(compare, 1).actualSize().get()));

    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> onFx(() -> !compare.isVisible()));
  }

  @Test
  void a_stack_is_compared_sharpest_first(FxRobot robot) throws Exception {
    BufferedImage scene = detailedPhoto(1200, 800, 5);
    Path card = Files.createDirectories(shown.dataDir().resolve("Burst"));
    Bursts.threeFrames(card, scene);
    drop(robot, card);
    waitUntil(() -> shown.frame().ports().library().ids(LibraryQuery.all()).size() == 3);
    List<Long> ids = shown.frame().ports().library().ids(LibraryQuery.all());
    waitUntil(() -> ids.stream().map(this::marks).allMatch(m -> m.stack() != null && m.sharpness() != null));
    waitUntil(() -> processed() == 1); // the stack folded into one tile
    List<Long> sharpestFirst = shown.frame().ports().culling().stack(marks(ids.getFirst()).stack()).stream()
        .map(ImageMarks::imageId).toList();
    long blurred = ids.stream().filter(id -> shown.frame().ports().library().image(id).originalName().equals("IMG_0001.jpg"))
        .findFirst().orElseThrow();
    assertThat(sharpestFirst.getLast()).as("the blurred frame is the least sharp").isEqualTo(blurred);

    robot.type(KeyCode.RIGHT).type(KeyCode.C); // one photo of the stack: the whole stack
    CompareView compare = shown.window().libraryView().compare();
    waitUntil(() -> onFx(compare::isVisible));
    assertThat(onFx(compare::shownIds)).isEqualTo(sharpestFirst);
    assertThat(robot.lookup("#compare-title").queryAs(Label.class).getText()).isEqualTo("Compare 3 · stack of 3, sharpest first");
    waitUntil(() -> onFx(() -> caption(robot, 2)).startsWith("IMG_0001.jpg"));

    robot.type(KeyCode.LEFT).type(KeyCode.X); // wraps round to the last, the blurred one
    waitUntil(() -> marks(blurred).flag() == Flag.REJECT);
    assertThat(sharpestFirst.subList(0, 2)).allSatisfy(id -> assertThat(marks(id).flag()).isNull());
    robot.type(KeyCode.ESCAPE);
  }

  private static javafx.scene.input.MouseEvent press(javafx.scene.Node node) {
    var center = node.localToScene(node.getLayoutBounds().getCenterX(), node.getLayoutBounds().getCenterY());
    return new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_PRESSED, center.getX(), center.getY(),
        0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null);
  }

  private static boolean inside(javafx.scene.Node node, javafx.scene.Node parent) {
    for (javafx.scene.Node at = node; at != null; at = at.getParent()) if (at == parent) return true;
    return false;
  }

  private static String caption(FxRobot robot, int index) {
    return robot.lookup(".compare-caption").queryAllAs(Label.class).stream().toList().get(index).getText();
  }

  private static ZoomView zoom(CompareView compare, int index) {
    return compare.zoomOf(index);
  }

  private ImageMarks marks(long id) {
    return shown.frame().ports().culling().marks(List.of(id)).get(id);
  }

  private void drop(FxRobot robot, Path folder) {
    LibraryView view = robot.lookup(".library").queryAs(LibraryView.class);
    robot.interact(() -> view.acceptDrop(List.of(folder.toFile())));
  }

  private int processed() throws Exception {
    List<TileModel> tiles = onFx(() -> IntStream.range(0, shown.window().library().size().get()).mapToObj(shown.window().library()::tileAt).toList());
    return tiles.stream().allMatch(t -> t != null && t.step().get() == TileStep.PROCESSED) ? tiles.size() : -1;
  }
}
