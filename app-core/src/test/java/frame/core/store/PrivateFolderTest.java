package frame.core.store;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import frame.core.Frame;
import frame.core.testing.CapturedLogs;
import frame.core.testing.FrameFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 27, finding 6: the data folder and everything in it are the user's alone. */
class PrivateFolderTest {
  @TempDir Path parent;
  @TempDir Path photos;

  @Test
  void a_data_folder_left_open_to_other_users_is_made_private_at_start_with_a_warning() throws IOException {
    Path dataDir = parent.resolve("frame-data");
    CapturedLogs firstStart = CapturedLogs.of(PrivateFolder.class);
    try (firstStart; Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().importFile(write(photos, "a.jpg", jpeg(photo(200, 100, 1))));
      FrameFixture.awaitAllFinal(frame, java.time.Duration.ofSeconds(60));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    assertThat(firstStart.events()).as("a new library is private from the start: nothing to warn about")
        .noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN);
    // as an earlier FRAME under the usual umask left it: folders 0755, files 0644
    List<Path> everything = walk(dataDir);
    for (Path path : everything) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    }
    CapturedLogs logs = CapturedLogs.of(PrivateFolder.class);
    try (logs; Frame reopened = FrameFixture.open(dataDir)) {
      for (Path path : walk(dataDir)) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
      }
    }
    assertThat(everything).anyMatch(p -> p.toString().contains("originals") || p.toString().endsWith(".jpg"));
    assertThat(everything).anyMatch(p -> p.getFileName().toString().startsWith("frame.script"));
    assertThat(logs.events()).extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(line -> line.contains("could be read by other users") && line.contains("made them private"));
  }

  private static List<Path> walk(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> !Files.isSymbolicLink(p)).toList();
    }
  }
}
