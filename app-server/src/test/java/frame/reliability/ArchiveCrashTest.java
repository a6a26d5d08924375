package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.api.FrameLibrary;
import frame.core.api.archive.ArchiveCopy;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.crash.ChildJvmFailpoints;
import frame.core.testing.FrameFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 while a copy is on the archive target but not yet read back: nothing is STORED on faith. */
class ArchiveCrashTest {
  private static final Pattern HELD = Pattern.compile(ChildJvmFailpoints.HOLDING + "archive:written:(\\d+)");

  @TempDir Path dataDir;
  @TempDir Path disk;

  @Test
  void a_kill_mid_archive_stores_no_photo_without_a_verified_copy_and_the_restart_finishes_every_copy()
      throws Exception {
    ChildFrame child = new ChildFrame(dataDir, "-D" + frame.core.crash.Failpoints.HOLD_PROPERTY + "=archive:written:#2")
        .start();
    long held;
    try {
      ChildFrame.Finished added = child.runAnother("archive", "add", "usb", "--folder", disk.toString());
      assertThat(added.exitCode()).as(added.output()).isZero();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> response = child.upload("IMG_000" + i + ".JPG", jpeg(photo(320, 240, 900 + i)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      }
      String log = await("a copy written and held before its read-back").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(50)).until(child::log, HELD.asPredicate());
      Matcher m = HELD.matcher(log);
      m.find();
      held = Long.parseLong(m.group(1));
    } finally {
      child.kill();
    }

    try (FrameLibrary frame = FrameLibrary.openWithoutRunner(FrameFixture.config(dataDir))) {
      Image caught = frame.ports().library().image(held);
      assertThat(caught.state()).as("the photo whose copy was cut off").isNotEqualTo(ImageState.STORED);
      assertThat(frame.ports().archive().copies(held)).isEmpty();
      for (Image image : frame.ports().library().list(ImageQuery.all())) {
        if (image.state() == ImageState.STORED) assertVerifiedCopy(frame, image);
      }
    }

    try (FrameLibrary frame = FrameLibrary.open(FrameFixture.config(dataDir))) {
      List<Image> all = await("every photo STORED after the restart").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(50)).until(() -> frame.ports().library().list(ImageQuery.all()),
              images -> images.size() == 3 && images.stream().allMatch(i -> i.state() == ImageState.STORED));
      for (Image image : all) assertVerifiedCopy(frame, image);
    }
  }

  private void assertVerifiedCopy(FrameLibrary frame, Image image) throws IOException {
    List<ArchiveCopy> copies = frame.ports().archive().copies(image.id());
    assertThat(copies).as("copies of #%d", image.id()).singleElement().satisfies(copy -> {
      assertThat(copy.sha256()).isEqualTo(image.sha256());
      assertThat(sha256(Files.readAllBytes(disk.resolve(copy.key())))).isEqualTo(image.sha256());
    });
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
