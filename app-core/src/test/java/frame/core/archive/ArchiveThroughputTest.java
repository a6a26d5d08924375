package frame.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.core.testing.S3Server;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes and reads back a 64 MB original to a local s3proxy (in parts) and to a folder, the way
 * ARCHIVE_ORIGINAL does, and prints the throughput for docs/performance.md.
 */
class ArchiveThroughputTest {
  private static final int MB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void a_large_original_is_copied_and_read_back_byte_exact_to_s3_and_to_a_folder() throws Exception {
    Path original = dir.resolve("big.tif");
    try (OutputStream out = Files.newOutputStream(original)) {
      Random random = new Random(1);
      byte[] chunk = new byte[MB];
      for (int i = 0; i < 64; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    String sha;
    try (var in = Files.newInputStream(original)) {
      sha = ArchiveHandler.hash(in).sha256();
    }
    Image image = new Image(1, sha, ImageState.PROCESSED, ImageFormat.TIFF, 1, 1, Files.size(original), "BIG.TIF",
        null, null, null, null, Instant.now(), Instant.now());
    TargetRecord record = new TargetRecord(1, "t", null, "here", null, null, null, null, null);

    try (S3Server server = S3Server.start(dir.resolve("objects"))) {
      server.createBucket("photos");
      try (S3Target s3 = new S3Target(server.endpoint(), "photos", null, null, S3Server.KEYS, 16L * MB)) {
        report("s3proxy (loopback, 16 MB parts)", s3, image, original, record);
        assertThat(s3.openUploads()).isEmpty();
      }
    }
    Path disk = Files.createDirectories(dir.resolve("disk"));
    report("folder (same disk)", new FolderTarget(disk), image, original, record);
  }

  private static void report(String where, Target target, Image image, Path original, TargetRecord record)
      throws IOException {
    long start = System.nanoTime();
    String key = target.put(image, original, Sidecar.of(image));
    long written = System.nanoTime();
    ArchiveHandler.Read back = ArchiveHandler.readBack(target, key, record);
    long read = System.nanoTime();
    assertThat(back.sha256()).isEqualTo(image.sha256());
    assertThat(back.size()).isEqualTo(image.byteSize());
    double mb = image.byteSize() / (double) MB;
    System.out.printf("ARCHIVE THROUGHPUT %s: write %.0f MB/s, read back %.0f MB/s, together %.0f MB/s%n", where,
        mb / ((written - start) / 1e9), mb / ((read - written) / 1e9), mb / ((read - start) / 1e9));
  }
}
