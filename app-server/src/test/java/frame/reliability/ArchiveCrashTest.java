package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.FrameLibrary;
import frame.core.api.archive.ArchiveCopy;
import frame.core.api.library.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 while a copy is on the archive target but not yet read back: nothing is STORED on faith. */
class ArchiveCrashTest {
  @TempDir Path dataDir;
  @TempDir Path disk;

  @Test
  void a_kill_mid_archive_stores_no_photo_without_a_verified_copy_and_the_restart_finishes_every_copy()
      throws Exception {
    ArchiveKill kill = new ArchiveKill(dataDir, "archive:written", 2);
    Map<String, byte[]> photos = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) photos.put("IMG_000" + i + ".JPG", jpeg(photo(320, 240, 900 + i)));

    long held = kill.killWhileHeld(kill.child().start(), List.of("usb", "--folder", disk.toString()), photos);

    kill.assertNothingStoredOnFaith(held, this::assertVerifiedCopy);
    kill.assertRestartStoresAll(3, this::assertVerifiedCopy);
  }

  private void assertVerifiedCopy(FrameLibrary frame, Image image) throws Exception {
    List<ArchiveCopy> copies = frame.ports().archive().copies(image.id());
    assertThat(copies).as("copies of #%d", image.id()).hasSize(1);
    ArchiveCopy copy = copies.get(0);
    assertThat(copy.sha256()).isEqualTo(image.sha256());
    byte[] onDisk = Files.readAllBytes(disk.resolve(copy.key()));
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(onDisk))).isEqualTo(image.sha256());
  }
}
