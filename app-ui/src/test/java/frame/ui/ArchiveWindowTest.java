package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.archive.ArchiveTarget;
import frame.core.api.imports.IngestResult;
import frame.core.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real window's Archive pane adds a folder target, counts the copy made to it, and removes it;
 * it adds an S3 target from its form. Headless.
 */
@ExtendWith(ApplicationExtension.class)
class ArchiveWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-ui-archive");
  Path photos;
  Path disk;

  @BeforeEach
  void folders() throws Exception {
    photos = Files.createTempDirectory("frame-ui-archive-photos");
    disk = Files.createTempDirectory("frame-ui-archive-disk");
  }

  @Test
  void a_folder_target_added_in_the_pane_gets_the_copy_of_a_new_photo_and_is_removed_after_asking(FxRobot robot)
      throws Exception {
    robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(4));
    @SuppressWarnings("unchecked")
    ListView<ArchiveTarget> targets = robot.lookup("#archive-targets").queryAs(ListView.class);
    waitUntil(() -> robot.lookup("#archive-summary").queryLabeled().getText().startsWith("0 photo(s)"));
    robot.interact(() -> {
      robot.lookup("#archive-folder-name").queryAs(TextField.class).setText("usb");
      robot.lookup("#archive-folder-path").queryAs(TextField.class).setText(disk.toString());
    });

    robot.clickOn("#archive-add-folder");

    waitUntil(() -> targets.getItems().size() == 1);
    ArchiveTarget usb = targets.getItems().get(0);
    assertThat(usb.name()).isEqualTo("usb");
    assertThat(usb.reachable()).isTrue();
    assertThat(usb.location()).isEqualTo(disk.toString());
    assertThat(robot.lookup("#archive-notice").queryLabeled().isVisible()).isFalse();

    Path file = write(photos, "IMG_0001.JPG", jpeg(photo(320, 240, 7)));
    assertThat(shown.frame().ports().imports().importFile(file)).isInstanceOf(IngestResult.Stored.class);

    // the pane follows the copy being made while it is on screen, with no click
    waitUntil(() -> targets.getItems().size() == 1 && targets.getItems().get(0).copies() == 1);
    waitUntil(() -> robot.lookup("#archive-summary").queryLabeled().getText()
        .equals("1 photo(s), 1 stored on every target. Every photo exists in more than one place."));
    try (var days = Files.walk(disk)) {
      assertThat(days.filter(p -> p.getFileName().toString().equals("IMG_0001.JPG"))).hasSize(1);
    }

    robot.interact(() -> targets.getSelectionModel().select(0));
    robot.clickOn("#archive-remove");
    waitUntil(() -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
    assertThat(robot.lookup("#confirm-dialog .header-panel .label").queryLabeled().getText())
        .isEqualTo("Remove the target usb?");
    robot.clickOn("Remove target");

    waitUntil(targets.getItems()::isEmpty);
    assertThat(shown.frame().ports().archive().status().targets()).isEmpty();
    waitUntil(() -> robot.lookup("#archive-summary").queryLabeled().getText().contains("1 exist in one place only"));
  }

  @Test
  void an_s3_target_typed_into_the_pane_is_added_reachable_and_the_form_keeps_no_secret(FxRobot robot)
      throws Exception {
    Path objects = Files.createTempDirectory("frame-ui-archive-s3");
    try (S3Server server = S3Server.start(objects)) {
      server.createBucket("photos");
      robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(4));
      @SuppressWarnings("unchecked")
      ListView<ArchiveTarget> targets = robot.lookup("#archive-targets").queryAs(ListView.class);
      robot.interact(() -> {
        robot.lookup("#archive-s3-form").queryAs(TitledPane.class).setExpanded(true);
        robot.lookup("#archive-s3-name").queryAs(TextField.class).setText("nas");
      });
      S3FormInput.type(robot, "archive-s3", server, "photos", "frame/");

      robot.clickOn("#archive-add-s3");

      waitUntil(() -> targets.getItems().size() == 1 && targets.getItems().get(0).reachable());
      ArchiveTarget nas = targets.getItems().get(0);
      assertThat(nas.name()).isEqualTo("nas");
      assertThat(nas.bucket()).isEqualTo("photos");
      assertThat(nas.prefix()).isEqualTo("frame/");
      for (String field : new String[] {"name", "endpoint", "bucket", "prefix", "region", "key-id", "secret"}) {
        assertThat(robot.lookup("#archive-s3-" + field).queryAs(TextField.class).getText()).as(field).isEmpty();
      }

      Path file = write(photos, "IMG_0002.JPG", jpeg(photo(320, 240, 8)));
      assertThat(shown.frame().ports().imports().importFile(file)).isInstanceOf(IngestResult.Stored.class);
      waitUntil(() -> targets.getItems().size() == 1 && targets.getItems().get(0).copies() == 1);
    }
  }
}
