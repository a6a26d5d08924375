package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.imports.IngestResult;
import frame.core.api.trash.TrashedPhoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window shows a failed action's sentence in the pane where it was done. Headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class FailureNoticesWindowTest {
  Path dataDir;
  Path photos;
  Frame frame;
  MainWindow window;
  WindowOnLibrary shown;

  @Start
  void start(Stage stage) throws Exception {
    dataDir = Files.createTempDirectory("frame-ui-notices");
    photos = Files.createTempDirectory("frame-ui-notices-photos");
    shown = WindowOnLibrary.show(stage, dataDir);
    frame = shown.frame();
    window = shown.window();
  }

  @AfterEach
  void stop() throws Exception {
    shown.close();
  }

  @Test
  void restoring_from_the_trash_pane_a_photo_restored_elsewhere_says_so_in_the_pane(FxRobot robot) throws Exception {
    long id = storedPhoto("elsewhere.jpg", 1);
    frame.ports().trash().remove(List.of(id));
    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
    @SuppressWarnings("unchecked")
    ListView<TrashedPhoto> trash = robot.lookup("#trash-list").queryAs(ListView.class);
    waitUntil(() -> trash.getItems().size() == 1);
    assertThat(robot.lookup("#trash-notice").queryLabeled().isVisible()).isFalse();
    frame.ports().trash().restore(List.of(id)); // the command line was quicker

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
    robot.interact(() -> window.library().refresh());
    waitUntil(() -> window.library().size().get() == 1);
    robot.interact(() -> window.libraryView().grid().requestFocus());
    robot.type(KeyCode.RIGHT);
    waitUntil(() -> window.library().selectedIds().equals(List.of(id)));
    frame.ports().trash().remove(List.of(id)); // a phone removed it
    waitUntil(() -> window.library().size().get() == 0);

    robot.type(KeyCode.DELETE);

    Labeled notice = robot.lookup("#library-notice").queryLabeled();
    waitUntil(notice::isVisible);
    assertThat(notice.getText()).isEqualTo("Could not move the photo to the trash: "
        + "that photo is no longer in the library (removed meanwhile?). The view is refreshed; try again.");
    assertThat(robot.lookup("#confirm-dialog").tryQuery()).as("nothing to confirm").isEmpty();
  }

  private long storedPhoto(String name, int seed) {
    Path file = write(photos, name, jpeg(photo(320, 240, seed)));
    return ((IngestResult.Stored) frame.ports().imports().importFile(file)).image().id();
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }
}
