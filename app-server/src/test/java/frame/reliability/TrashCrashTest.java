package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.library.ImageFiles;
import frame.core.api.library.Image;
import frame.core.api.imports.IngestResult;
import frame.core.testing.FrameFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FRAME killed in the middle of removing a photo or emptying the trash (a crash point halts the
 * child JVM as kill -9 would) leaves the photo or its removal, never half of either.
 */
class TrashCrashTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void a_crash_before_the_removal_commits_leaves_the_photo_in_the_library() throws Exception {
    Image image = importOne();

    crashAt("trash:remove-before-commit", "remove", Long.toString(image.id()));

    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(frame.ports().library().image(image.id()).id()).isEqualTo(image.id());
      assertThat(frame.ports().trash().list()).isEmpty();
      assertThat(frame.ports().library().files(image).original()).isRegularFile();
    }
  }

  @Test
  void a_crash_after_the_removal_commits_leaves_the_photo_in_the_trash_whole() throws Exception {
    Image image = importOne();

    crashAt("trash:remove-after-commit", "remove", Long.toString(image.id()));

    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(frame.ports().trash().list()).extracting(t -> t.image().id()).containsExactly(image.id());
      assertThat(frame.ports().trash().restore(List.of(image.id()))).isEqualTo(1);
      assertThat(frame.ports().library().files(frame.ports().library().image(image.id())).thumbnail(256)).isPresent();
    }
  }

  @Test
  void a_crash_while_emptying_before_the_commit_leaves_the_photo_restorable_with_its_files() throws Exception {
    Image image = importOne();
    removeInProcess(image);

    crashAt("trash:empty-before-commit", "trash", "empty");

    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(frame.ports().trash().list()).extracting(t -> t.image().id()).containsExactly(image.id());
      assertThat(frame.ports().trash().restore(List.of(image.id()))).isEqualTo(1);
      ImageFiles files = frame.ports().library().files(frame.ports().library().image(image.id()));
      assertThat(files.original()).isRegularFile();
      assertThat(files.existingPreview()).isPresent();
    }
  }

  @Test
  void a_crash_after_the_rows_go_finishes_deleting_the_files_at_the_next_start() throws Exception {
    Image image = importOne();
    ImageFiles files = removeInProcess(image);

    crashAt("trash:empty-after-commit", "trash", "empty");

    assertThat(files.original()).as("the crash came before the files went").isRegularFile();
    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThat(frame.ports().trash().list()).isEmpty();
      await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(files.original())
          && !Files.exists(files.preview().getParent()));
    }
  }

  private Image importOne() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = ((IngestResult.Stored) frame.ports().imports().importFile(write(photos, "card.jpg", jpeg(photo(800, 600, 11))))).image();
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60));
      return image;
    }
  }

  private ImageFiles removeInProcess(Image image) {
    try (Frame frame = FrameFixture.open(dataDir)) {
      ImageFiles files = frame.ports().library().files(image);
      frame.ports().trash().remove(List.of(image.id()));
      return files;
    }
  }

  private void crashAt(String point, String... command) throws Exception {
    ChildFrame.Finished run = new ChildFrame(dataDir, "-Dframe.crashAt=" + point).runAnother(command);
    assertThat(run.exitCode()).as("died at %s:%n%s", point, run.output()).isEqualTo(137);
  }
}
