package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.onFx;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.ui.library.LibraryView;
import frame.ui.library.TileModel;
import frame.ui.library.TileStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Culling from the keyboard in the real window on a real core, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class CullingKeysWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-cull-ui");

  @Test
  void p_x_u_digits_pick_reject_unflag_rate_and_label_in_the_grid_and_the_viewer(FxRobot robot) throws Exception {
    Path folder = Files.createTempDirectory(shown.dataDir(), "card");
    write(folder, "IMG_0001.jpg", jpeg(photo(900, 600, 1)));
    write(folder, "IMG_0002.jpg", jpeg(photo(900, 600, 2)));
    LibraryView view = robot.lookup(".library").queryAs(LibraryView.class);
    robot.interact(() -> view.acceptDrop(List.of(folder.toFile())));
    waitUntil(() -> tiles().size() == 2 && tiles().stream().allMatch(t -> t != null && t.step().get() == TileStep.PROCESSED));
    long first = onFx(() -> shown.window().library().idAt(0));
    long second = onFx(() -> shown.window().library().idAt(1));

    robot.type(KeyCode.RIGHT); // the first press lands on the first photo
    robot.type(KeyCode.P).type(KeyCode.DIGIT3);
    waitUntil(() -> marks(first).flag() == Flag.PICK && marks(first).rating() == 3);
    waitUntil(() -> onFx(() -> {
      TileModel tile = shown.window().library().tileAt(0);
      return tile != null && tile.marks().get() != null && tile.marks().get().rating() == 3;
    }));
    assertThat(robot.lookup(".tile-message").queryAllAs(javafx.scene.control.Label.class))
        .anySatisfy(label -> assertThat(label.getText()).startsWith("★★★☆☆ · ⚑ Pick"));

    robot.type(KeyCode.U);
    waitUntil(() -> marks(first).flag() == null && marks(first).rating() == 3);

    robot.type(KeyCode.RIGHT).type(KeyCode.ENTER);
    robot.type(KeyCode.X).type(KeyCode.DIGIT7);
    waitUntil(() -> marks(second).flag() == Flag.REJECT && marks(second).label() == ColorLabel.YELLOW);
    robot.type(KeyCode.DIGIT0);
    waitUntil(() -> marks(second).rating() == 0);
    assertThat(marks(first).flag()).isNull();

    // purple, which Lightroom gives no key: F5, as in darktable, in the viewer and in the grid
    robot.type(KeyCode.F5);
    waitUntil(() -> marks(second).label() == ColorLabel.PURPLE);
    robot.type(KeyCode.ESCAPE);
    robot.type(KeyCode.LEFT).type(KeyCode.F5);
    waitUntil(() -> marks(first).label() == ColorLabel.PURPLE);
    assertThat(marks(second).label()).isEqualTo(ColorLabel.PURPLE);
    assertThat(java.util.Arrays.stream(HelpOverlay.SHORTCUTS).map(row -> row[0] + " " + row[1]))
        .anySatisfy(row -> assertThat(row).contains("F5", "purple"));
  }

  private ImageMarks marks(long id) {
    return shown.frame().ports().culling().marks(List.of(id)).get(id);
  }

  private List<TileModel> tiles() throws Exception {
    return onFx(() -> IntStream.range(0, shown.window().library().size().get()).mapToObj(shown.window().library()::tileAt).toList());
  }
}
