package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.imports.IngestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** File → Back up catalogue… takes a real online backup into the folder picked, and says what it did. Headless. */
@ExtendWith(ApplicationExtension.class)
class CatalogueBackupWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-ui-backup");
  Path photos;
  Path backups;

  @BeforeEach
  void folders() throws Exception {
    photos = Files.createTempDirectory("frame-ui-backup-photos");
    backups = Files.createTempDirectory("frame-ui-backup-disk").resolve("catalogue");
  }

  @Test
  void back_up_catalogue_writes_a_backup_into_the_folder_picked_and_says_where(FxRobot robot) throws Exception {
    Path file = write(photos, "IMG_0001.JPG", jpeg(photo(320, 240, 5)));
    assertThat(shown.frame().ports().imports().importFile(file)).isInstanceOf(IngestResult.Stored.class);

    openBackupDialog(robot);
    robot.interact(() -> robot.lookup("#backup-folder").queryAs(TextField.class).setText(backups.toString()));
    robot.clickOn("#backup-start");

    waitUntil(() -> robot.lookup("#backup-result").queryLabeled().getText().startsWith("Backed up the catalogue"));
    List<Path> taken;
    try (Stream<Path> made = Files.list(backups)) {
      taken = made.filter(p -> p.getFileName().toString().startsWith("frame-backup-")).toList();
    }
    assertThat(taken).hasSize(1);
    assertThat(taken.getFirst().resolve("frame-backup.json")).isRegularFile();
    assertThat(taken.getFirst().resolve("database.tar.gz")).isRegularFile();
    assertThat(robot.lookup("#backup-result").queryLabeled().getText())
        .startsWith("Backed up the catalogue (1 photo, ").contains(taken.getFirst().toString());
    assertThat(robot.lookup("#backup-progress").query().isVisible()).isFalse();
  }

  @Test
  void back_up_catalogue_without_a_folder_says_to_choose_one_and_writes_nothing(FxRobot robot) throws Exception {
    openBackupDialog(robot);

    robot.clickOn("#backup-start");

    waitUntil(() -> robot.lookup("#backup-notice").queryLabeled().getText()
        .equals("Choose a folder for the backup (an external disk is best)."));
    assertThat(robot.lookup("#backup-result").queryLabeled().getText()).isEmpty();
    assertThat(backups).doesNotExist();
  }

  private static void openBackupDialog(FxRobot robot) throws Exception {
    robot.clickOn("File");
    robot.clickOn("Back up catalogue…");
    waitUntil(() -> robot.lookup("#backup-dialog").tryQuery().isPresent());
  }
}
