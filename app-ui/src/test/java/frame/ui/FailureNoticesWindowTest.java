package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.imports.IngestResult;
import frame.core.api.trash.TrashedPhoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The real window shows a failed action's sentence in the pane where it was done. Headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class FailureNoticesWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-ui-notices");
  Path photos;

  @BeforeEach
  void folders() throws Exception {
    photos = Files.createTempDirectory("frame-ui-notices-photos");
  }

  @Test
  void restoring_from_the_trash_pane_a_photo_restored_elsewhere_says_so_in_the_pane(FxRobot robot) throws Exception {
    long id = storedPhoto("elsewhere.jpg", 1);
    shown.frame().ports().trash().remove(List.of(id));
    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    @SuppressWarnings("unchecked")
    ListView<TrashedPhoto> trash = robot.lookup("#trash-list").queryAs(ListView.class);
    waitUntil(() -> trash.getItems().size() == 1);
    assertThat(robot.lookup("#trash-notice").queryLabeled().isVisible()).isFalse();
    shown.frame().ports().trash().restore(List.of(id)); // the command line was quicker

    robot.interact(() -> trash.getSelectionModel().select(0));
    robot.clickOn("#trash-restore");

    waitUntil(() -> robot.lookup("#trash-notice").queryLabeled().isVisible());
    assertThat(robot.lookup("#trash-notice").queryLabeled().getText()).isEqualTo(
        "1 of the 1 photo(s) were no longer in the trash (restored or deleted meanwhile). The list is refreshed.");
    waitUntil(() -> trash.getItems().isEmpty());
  }

  @Test
  void delete_of_a_photo_removed_on_another_device_says_so_under_the_grid(FxRobot robot) throws Exception {
    long id = storedPhoto("other-device.jpg", 2);
    robot.interact(() -> shown.window().library().refresh());
    waitUntil(() -> shown.window().library().size().get() == 1);
    robot.interact(() -> shown.window().libraryView().grid().requestFocus());
    robot.type(KeyCode.RIGHT);
    waitUntil(() -> shown.window().library().selectedIds().equals(List.of(id)));
    shown.frame().ports().trash().remove(List.of(id)); // a phone removed it
    waitUntil(() -> shown.window().library().size().get() == 0);

    robot.type(KeyCode.DELETE);

    Labeled notice = robot.lookup("#library-notice").queryLabeled();
    waitUntil(notice::isVisible);
    assertThat(notice.getText()).isEqualTo("Could not move the photo to the trash: "
        + "that photo is no longer in the library (removed meanwhile?). The view is refreshed; try again.");
    assertThat(robot.lookup("#confirm-dialog").tryQuery()).as("nothing to confirm").isEmpty();
  }

  private long storedPhoto(String name, int seed) {
    Path file = write(photos, name, jpeg(photo(320, 240, seed)));
    return ((IngestResult.Stored) shown.frame().ports().imports().importFile(file)).image().id();
  }
}
