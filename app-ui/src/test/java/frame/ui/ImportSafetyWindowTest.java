package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.jobs.JobType;
import frame.core.api.volumes.LinuxVolumes;
import frame.core.testing.MountFixture;
import frame.ui.library.LibraryView;
import frame.ui.server.ServerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The window at the end of a folder import says whether the card is safe to format (a removable
 * volume, told from files shaped like /proc and /sys) or, for a folder on this computer's own disk,
 * whether its photos are in 2 verified places; and its first start offers an archive target once. The real window on a real core, headless.
 */
@ExtendWith(ApplicationExtension.class)
class ImportSafetyWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-ui-safety");
  Path card;
  Path disk;

  @BeforeEach
  void folders() throws Exception {
    card = Files.createTempDirectory("frame-ui-safety-card").resolve("DCIM");
    Files.createDirectories(card);
    disk = Files.createTempDirectory("frame-ui-safety-disk");
  }

  @Test
  void a_card_imported_with_a_folder_target_is_safe_to_format_once_its_copies_are_verified(FxRobot robot)
      throws Exception {
    // the card's folder is a USB card reader's mount, as /proc and /sys would say
    LinuxVolumes volumes = new MountFixture(Files.createTempDirectory("frame-ui-safety-mounts")).usbCard(card.getParent())
        .volumes();
    robot.interact(() -> shown.window().safeToFormat().useVolumes(volumes));
    shown.frame().ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
    shown.frame().ports().queue().pause(JobType.ARCHIVE_ORIGINAL); // the copies wait, so the window must say so
    write(card, "IMG_0001.JPG", jpeg(photo(320, 240, 1)));
    write(card, "IMG_0002.JPG", jpeg(photo(240, 320, 2)));

    drop(robot, card);

    waitUntil(() -> text(robot).startsWith("Do not format the card yet: waiting for 2 archive copies"));
    assertThat(text(robot)).contains("(0 of 2 in 2 verified places so far)");
    assertThat(robot.lookup("#safe-to-format-add-target").query().isVisible()).isFalse();

    shown.frame().ports().queue().resume(JobType.ARCHIVE_ORIGINAL);

    // the bar follows the copies as they land, with no click
    waitUntil(() -> text(robot).equals("All 2 photos from DCIM are in 2 verified places: safe to format the card."));
    assertThat(robot.lookup("#safe-to-format").query().getPseudoClassStates())
        .anyMatch(p -> p.getPseudoClassName().equals("safe"));
    robot.clickOn("#safe-to-format-dismiss");
    waitUntil(() -> !robot.lookup("#safe-to-format").query().isVisible());
  }

  @Test
  void a_folder_on_this_computers_own_disk_gets_the_plainer_line_without_format(FxRobot robot) throws Exception {
    shown.frame().ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
    write(card, "IMG_0004.JPG", jpeg(photo(320, 240, 4)));

    drop(robot, card); // a temp folder: on this machine's own disk, which is not removable

    waitUntil(() -> text(robot).equals("All 1 photo of DCIM is in 2 verified places."));
    assertThat(robot.lookup("#safe-to-format").query().getPseudoClassStates())
        .anyMatch(p -> p.getPseudoClassName().equals("safe"));
  }

  @Test
  void a_folder_imported_without_a_target_is_not_safe_and_names_the_file_not_in_the_library(FxRobot robot)
      throws Exception {
    write(card, "IMG_0003.JPG", jpeg(photo(320, 240, 3)));
    Files.writeString(card.resolve("NOTES.TXT"), "not a photo");

    drop(robot, card);

    waitUntil(() -> text(robot).startsWith("Not every file of DCIM is in 2 verified places yet:"));
    assertThat(text(robot)).isEqualTo("Not every file of DCIM is in 2 verified places yet: 1 photo is in one place only (this computer)."
        + " Add an archive target (an external disk or a NAS folder) for the second copy."
        + " 1 file is not in the library: NOTES.TXT.");
    assertThat(robot.lookup("#safe-to-format-add-target").query().isVisible()).isTrue();

    robot.clickOn("#safe-to-format-add-target");

    assertAddFolderFlowIsOpen(robot);
  }

  @Test
  void the_first_start_offers_a_target_once_and_not_now_is_remembered(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#target-offer").query().isVisible());
    assertThat(robot.lookup("#target-offer-add").queryButton().getText()).isEqualTo("Add an external disk or NAS folder…");

    robot.clickOn("#target-offer-later");

    waitUntil(() -> !robot.lookup("#target-offer").query().isVisible());
    assertThat(Files.readString(shown.dataDir().resolve("window.properties"))).contains(MainWindow.TARGET_OFFERED + "=true");
    MainWindow again = secondWindow(robot);
    try {
      waitUntil(() -> again.targetOffer().decided().get());
      assertThat(again.root().lookup("#target-offer").isVisible()).isFalse();
    } finally {
      close(robot, again);
    }
  }

  @Test
  void the_first_start_offer_opens_the_archive_panes_add_flow(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#target-offer").query().isVisible());

    robot.clickOn("#target-offer-add");

    assertAddFolderFlowIsOpen(robot);
    assertThat(robot.lookup("#target-offer").query().isVisible()).isFalse();
  }

  @Test
  void a_first_start_on_a_library_that_has_a_target_offers_none(FxRobot robot) throws Exception {
    waitUntil(() -> shown.window().targetOffer().decided().get());
    shown.frame().ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
    Files.delete(shown.dataDir().resolve("window.properties")); // as if this window never started here

    MainWindow second = secondWindow(robot);
    try {
      waitUntil(() -> second.targetOffer().decided().get());
      assertThat(second.root().lookup("#target-offer").isVisible()).isFalse();
    } finally {
      close(robot, second);
    }
  }

  private MainWindow secondWindow(FxRobot robot) {
    MainWindow[] made = new MainWindow[1];
    robot.interact(() -> made[0] = new MainWindow(shown.frame(), shown.background(),
        new ServerModel(shown.frame(), shown.background(), 0, false), shown.ingestQueue()));
    return made[0];
  }

  private static void close(FxRobot robot, MainWindow second) {
    robot.interact(() -> {
      try {
        second.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private void assertAddFolderFlowIsOpen(FxRobot robot) throws Exception {
    waitUntil(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedIndex() == 4);
    waitUntil(() -> robot.lookup("#archive-folder-form").queryAs(TitledPane.class).isExpanded());
    waitUntil(() -> robot.lookup("#archive-folder-name").queryAs(TextField.class).isFocused());
    assertThat(robot.lookup("#archive-folder-name").queryAs(TextField.class).getText()).isEqualTo("external-disk");
  }

  private static String text(FxRobot robot) {
    return robot.lookup("#safe-to-format-text").queryLabeled().getText();
  }

  private void drop(FxRobot robot, Path folder) {
    LibraryView view = robot.lookup(".library").queryAs(LibraryView.class);
    robot.interact(() -> view.acceptDrop(List.of(folder.toFile())));
  }
}
