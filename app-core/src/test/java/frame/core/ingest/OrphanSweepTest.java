package frame.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.config.FrameConfig;
import frame.core.db.Database;
import frame.core.image.ImageRepository;
import frame.core.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanSweepTest {
  @TempDir Path data;

  @Test
  void the_few_originals_a_crash_leaves_without_a_row_are_removed() throws IOException {
    try (Database database = openWithoutRunner()) {
      FileStore store = new FileStore(data.resolve("storage"));
      List<Path> orphans = orphans(store, 3);

      int removed = OrphanSweep.run(store, images(database), Instant.now().minus(Duration.ofMinutes(1)));

      assertThat(removed).isEqualTo(3);
      assertThat(orphans).noneMatch(Files::exists);
    }
  }

  @Test
  void a_catalogue_that_lost_its_photos_does_not_make_the_sweep_delete_their_originals() throws IOException {
    try (Database database = openWithoutRunner()) {
      FileStore store = new FileStore(data.resolve("storage"));
      List<Path> originals = orphans(store, OrphanSweep.MOST_LEFT_BY_CRASHES + 1);

      int removed = OrphanSweep.run(store, images(database), Instant.now().minus(Duration.ofMinutes(1)));

      assertThat(removed).isZero();
      assertThat(originals).allMatch(Files::isRegularFile);
    }
  }

  /** The catalogue alone: a whole FRAME would run its own sweep beside the test's. */
  private Database openWithoutRunner() {
    return Database.open(FrameConfig.inDataDir(data).databaseUrl(), 2);
  }

  private static ImageRepository images(Database database) {
    return new ImageRepository(database.jdbc());
  }

  /** Files at original paths that no image row names, last written an hour ago. */
  private static List<Path> orphans(FileStore store, int count) {
    return IntStream.range(0, count).mapToObj(i -> {
      String sha256 = HexFormat.of().formatHex(new byte[32]).substring(8) + "%08x".formatted(i);
      Path file = store.original(sha256, frame.core.api.library.ImageFormat.JPEG);
      try {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) i});
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return file;
    }).toList();
  }
}
