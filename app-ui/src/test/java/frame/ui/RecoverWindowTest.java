package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.imports.IngestResult;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.testing.FrameFixture;
import frame.core.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * File → Recover from archive… rebuilds an empty library from a folder target, or an S3 bucket,
 * another library archived to. Headless.
 */
@ExtendWith(ApplicationExtension.class)
class RecoverWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-ui-recover");
  Path temp;

  @BeforeEach
  void folders() throws Exception {
    temp = Files.createTempDirectory("frame-ui-recover-folders");
  }

  @Test
  void an_empty_library_comes_back_from_its_archive_folder_with_progress_and_a_result(FxRobot robot) throws Exception {
    Path disk = Files.createDirectories(temp.resolve("disk"));
    List<String> archived = archivedLibrary(disk, 2, 11);

    openRecoverDialog(robot);
    robot.interact(() -> robot.lookup("#recover-folder").queryAs(TextField.class).setText(disk.toString()));
    robot.clickOn("#recover-start");

    waitUntil(() -> robot.lookup("#recover-result").queryLabeled().getText().startsWith("Recovered "));
    assertThat(robot.lookup("#recover-result").queryLabeled().getText())
        .startsWith("Recovered 2 photos from the archive target disk.")
        .contains("Originals stay on the archive");
    assertThat(shown.frame().ports().library().list(ImageQuery.all())).extracting(Image::sha256)
        .containsExactlyInAnyOrderElementsOf(archived);
    assertThat(robot.lookup("#recover-progress").query().isVisible()).isFalse();
    assertThat(robot.lookup("#recover-notice").queryLabeled().isVisible()).isFalse();
  }

  @Test
  void a_library_that_holds_other_photos_is_not_recovered_into_and_says_why(FxRobot robot) throws Exception {
    Path disk = Files.createDirectories(temp.resolve("disk"));
    archivedLibrary(disk, 1, 21);
    Path own = write(temp.resolve("own"), "MINE.JPG", jpeg(photo(200, 150, 99)));
    assertThat(shown.frame().ports().imports().importFile(own)).isInstanceOf(IngestResult.Stored.class);

    openRecoverDialog(robot);
    robot.interact(() -> robot.lookup("#recover-folder").queryAs(TextField.class).setText(disk.toString()));
    robot.clickOn("#recover-start");

    waitUntil(() -> robot.lookup("#recover-notice").queryLabeled().getText().startsWith("Could not recover"));
    assertThat(robot.lookup("#recover-notice").queryLabeled().getText())
        .contains("already holds 1 photo(s) that are not from this archive");
    assertThat(robot.lookup("#recover-result").queryLabeled().getText()).isEmpty();
    assertThat(shown.frame().ports().library().list(ImageQuery.all())).hasSize(1);
  }

  @Test
  void an_empty_library_comes_back_from_an_s3_bucket_typed_into_the_dialog(FxRobot robot) throws Exception {
    try (S3Server server = S3Server.start(temp.resolve("objects"))) {
      server.createBucket("photos");
      List<String> archived = archivedLibrary(
          NewArchiveTarget.s3("nas", server.endpoint(), "photos", "frame/", "us-east-1", S3Server.KEYS), 2, 31);

      openRecoverDialog(robot);
      robot.clickOn("#recover-from-s3");
      S3FormInput.type(robot, "recover-s3", server, "photos", "frame/");
      robot.clickOn("#recover-start");

      assertThat(robot.lookup("#recover-s3-secret").queryAs(TextField.class).getText()).as("the secret, kept").isEmpty();
      waitUntil(() -> robot.lookup("#recover-result").queryLabeled().getText().startsWith("Recovered "));
      assertThat(robot.lookup("#recover-result").queryLabeled().getText()).startsWith("Recovered 2 photos");
      assertThat(shown.frame().ports().library().list(ImageQuery.all())).extracting(Image::sha256)
          .containsExactlyInAnyOrderElementsOf(archived);
    }
  }

  /** Another library, archived to {@code disk} and closed: what a lost laptop leaves. Returns its photos' hashes. */
  private List<String> archivedLibrary(Path disk, int photos, int seed) throws Exception {
    return archivedLibrary(NewArchiveTarget.folder("disk", disk.toString()), photos, seed);
  }

  /** The same, archived to {@code target}. */
  private List<String> archivedLibrary(NewArchiveTarget target, int photos, int seed) throws Exception {
    List<String> hashes = new ArrayList<>();
    try (Frame lost = FrameFixture.open(temp.resolve("lost-" + seed))) {
      lost.ports().archive().add(target);
      for (int i = 0; i < photos; i++) {
        Path file = write(temp.resolve("card-" + seed), "IMG_000" + i + ".JPG", jpeg(photo(320, 240, seed + i)));
        hashes.add(((IngestResult.Stored) lost.ports().imports().importFile(file)).image().sha256());
      }
      waitUntil(() -> lost.ports().library().list(ImageQuery.all()).stream()
          .allMatch(image -> image.state() == ImageState.STORED));
    }
    return hashes;
  }

  private static void openRecoverDialog(FxRobot robot) throws Exception {
    robot.clickOn("File");
    robot.clickOn("Recover from archive…");
    waitUntil(() -> robot.lookup("#recover-dialog").tryQuery().isPresent());
  }
}
