package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.FrameException;
import frame.core.api.devices.TokenInfo;
import frame.core.api.imports.IngestResult;
import frame.core.testing.FrameFixture;
import frame.ui.common.Background;
import frame.ui.common.FailureMessages;
import frame.ui.library.LibraryModel;
import frame.ui.server.ServerModel;
import frame.ui.trash.TrashModel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When something a person did fails for real (a photo removed or restored meanwhile elsewhere, a
 * token revoked from the command line), the pane's notice says so in plain words. View-models on
 * a real core, work on the test thread.
 */
class FailureNoticesTest {
  @TempDir Path dataDir;
  @TempDir Path photos;
  Frame frame;

  @BeforeEach
  void open() {
    frame = FrameFixture.open(dataDir);
  }

  @AfterEach
  void close() {
    frame.close();
  }

  @Test
  void restoring_a_photo_that_is_no_longer_in_the_trash_says_so() {
    long id = storedPhoto("restored-elsewhere.jpg", 1);
    frame.ports().trash().remove(List.of(id));
    TrashModel trash = new TrashModel(frame, Background.sameThread(), () -> {});
    trash.refresh();
    assertThat(trash.photos()).hasSize(1);
    frame.ports().trash().restore(List.of(id)); // another device, or the command line, was quicker

    trash.restore(List.of(id));

    assertThat(trash.notice().text().get())
        .isEqualTo("1 of the 1 photo(s) were no longer in the trash (restored or deleted meanwhile). The list is refreshed.");
    assertThat(trash.photos()).isEmpty();
  }

  @Test
  void a_restore_that_works_leaves_no_notice() {
    long id = storedPhoto("comes-back.jpg", 2);
    frame.ports().trash().remove(List.of(id));
    TrashModel trash = new TrashModel(frame, Background.sameThread(), () -> {});

    trash.restore(List.of(id));

    assertThat(trash.notice().text().get()).isEmpty();
    assertThat(frame.ports().library().image(id).id()).isEqualTo(id);
  }

  @Test
  void moving_a_photo_to_the_trash_that_was_removed_meanwhile_says_so_and_the_grid_lets_it_go() {
    LibraryModel library = new LibraryModel(frame, Background.sameThread(), Clock.systemUTC(), null);
    long id = storedPhoto("gone.jpg", 3);
    library.loadExisting();
    assertThat(library.size().get()).isEqualTo(1);
    frame.ports().trash().remove(List.of(id)); // removed on another device
    AtomicBoolean removedHere = new AtomicBoolean();

    library.remove(List.of(id), removed -> removedHere.set(true));

    assertThat(removedHere).isFalse();
    assertThat(library.notice().text().get()).isEqualTo("Could not move the photo to the trash: "
        + "that photo is no longer in the library (removed meanwhile?). The view is refreshed; try again.");
    assertThat(library.size().get()).isZero();
  }

  @Test
  void revoking_a_token_that_was_revoked_meanwhile_says_so() {
    frame.ports().devices().createToken("backup-script");
    TokenInfo token = frame.ports().devices().tokens().stream()
        .filter(t -> t.name().equals("backup-script")).findFirst().orElseThrow();
    try (ServerModel server = new ServerModel(frame, Background.sameThread(), 0, false)) {
      server.refreshTokens();
      assertThat(server.tokens()).extracting(TokenInfo::name).contains("backup-script");
      frame.ports().devices().revoke("backup-script"); // `frame token revoke backup-script` was quicker

      server.revoke(token);

      assertThat(server.notice().text().get()).isEqualTo("\"backup-script\" was already revoked. The list is refreshed.");
      assertThat(server.tokens()).extracting(TokenInfo::name).doesNotContain("backup-script");
    }
  }

  @Test
  void failures_read_as_sentences_of_what_failed_and_what_to_do_never_a_stack_trace() {
    assertThat(FailureMessages.of("show job 7", FrameException.jobNotFound(7)))
        .isEqualTo("Could not show job 7: that job no longer exists (finished and cleaned up meanwhile?).");
    assertThat(FailureMessages.of("import card.jpg", FrameException.corrupt("no end of image", null)))
        .isEqualTo("Could not import card.jpg: the file is damaged or cut short. Copy it again from the camera or card.");
    assertThat(FailureMessages.of("import DCIM", new java.io.UncheckedIOException(new NoSuchFileException("/media/card/DCIM"))))
        .isEqualTo("Could not import DCIM: /media/card/DCIM no longer exists. Check the path and try again.");
    assertThat(FailureMessages.of("read the queue", new IllegalStateException("pool closed")))
        .isEqualTo("Could not read the queue: something went wrong inside FRAME. Try again; the details are in the log.")
        .doesNotContain("IllegalStateException", "pool closed");
  }

  private long storedPhoto(String name, int seed) {
    Path file = write(photos, name, jpeg(photo(320, 240, seed)));
    assertThat(Files.exists(file)).isTrue();
    return ((IngestResult.Stored) frame.ports().imports().importFile(file)).image().id();
  }
}
