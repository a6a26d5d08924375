package frame.core.ingest;

import frame.core.api.imports.IngestResult;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.Frame;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.testing.FrameFixture;
import frame.core.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestOutcomesTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void duplicate_is_not_stored_twice_and_names_the_image_it_matched() throws IOException {
    byte[] bytes = jpeg(photo(400, 300, 1));
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image first = ((IngestResult.Stored) frame.ports().imports().importFile(write(photos, "a.jpg", bytes))).image();
      IngestResult again = frame.ports().imports().importFile(write(photos, "copy of a.jpg", bytes));

      assertThat(again).isInstanceOfSatisfying(IngestResult.Duplicate.class,
          d -> assertThat(d.existing().id()).isEqualTo(first.id()));
      assertThat(frame.ports().library().countIn(null)).isEqualTo(1);
      assertThat(storedOriginals()).hasSize(1);
    }
  }

  @Test
  void original_is_stored_under_its_sha256_whatever_the_file_was_called() throws IOException {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = ((IngestResult.Stored) frame.ports().imports().ingest(
          new ByteArrayInputStream(jpeg(photo(300, 200, 2))), "../../etc/passwd", null)).image();

      Path original = frame.ports().library().files(image).original();
      assertThat(original.getFileName().toString()).isEqualTo(image.sha256() + ".jpg");
      assertThat(image.originalName()).isEqualTo("passwd");
      assertThat(sha256(Files.readAllBytes(original))).isEqualTo(image.sha256());
    }
  }

  @Test
  void files_that_are_not_images_are_rejected_with_what_they_are() {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    byte[] video = new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0};
    byte[] heicWithoutBoxes = new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
    try (Frame frame = FrameFixture.open(dataDir)) {
      assertRejected(frame, "noise.jpg", random, "unsupported_format", "not an image");
      assertRejected(frame, "clip.jpg", video, "unsupported_format", "video");
      assertRejected(frame, "IMG_0001.HEIC", heicWithoutBoxes, "corrupt_image", "HEIF");
      assertRejected(frame, "page.jpg", "<html>hi</html>".getBytes(), "unsupported_format", "HTML");
      assertRejected(frame, "empty.jpg", new byte[0], "empty_file", "empty");
      assertThat(frame.ports().library().countIn(null)).isZero();
      assertThat(storedOriginals()).isEmpty();
    }
  }

  @Test
  void declared_size_over_the_pixel_limit_is_refused_before_decoding() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      assertRejected(frame, "bomb.png", TestImages.pngDeclaring(65535, 65535), "image_too_large", "65535 x 65535");
      assertRejected(frame, "bomb2.png", TestImages.pngDeclaring(100000, 100000), "image_too_large", "megapixels");
    }
  }

  @Test
  void file_with_a_damaged_header_is_rejected_as_corrupt() {
    byte[] header = Arrays.copyOf(jpeg(photo(300, 200, 3)), 40);
    try (Frame frame = FrameFixture.open(dataDir)) {
      assertRejected(frame, "cut.jpg", header, "corrupt_image", "damaged");
    }
  }

  @Test
  void truncated_photo_fails_with_a_plain_reason_while_the_others_finish() {
    byte[] whole = jpeg(photo(1600, 1200, 4));
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image broken = ((IngestResult.Stored) frame.ports().imports().importFile(write(photos, "half.jpg", truncated))).image();
      frame.ports().imports().importFile(write(photos, "good1.jpg", jpeg(photo(800, 600, 5))));
      frame.ports().imports().importFile(write(photos, "good2.jpg", jpeg(photo(800, 600, 6))));

      List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60));
      assertThat(images).filteredOn(i -> i.id() != broken.id()).allMatch(i -> i.state() == ImageState.PROCESSED);
      Image failed = frame.ports().library().image(broken.id());
      assertThat(failed.state()).isEqualTo(ImageState.FAILED);
      assertThat(failed.failureReason()).contains("damaged or truncated");
    }
  }

  @Test
  void declared_checksum_that_does_not_match_stores_nothing() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      assertThatThrownBy(() -> frame.ports().imports().ingest(new ByteArrayInputStream(jpeg(photo(300, 200, 8))), "x.jpg", "0".repeat(64)))
          .isInstanceOf(ChecksumMismatch.class);
      assertThat(frame.ports().library().countIn(null)).isZero();
      assertThat(storedOriginals()).isEmpty();
    }
  }

  private static void assertRejected(Frame frame, String name, byte[] bytes, String code, String reasonPart) {
    IngestResult result = frame.ports().imports().ingest(new ByteArrayInputStream(bytes), name, null);
    assertThat(result).isInstanceOfSatisfying(IngestResult.Rejected.class, r -> {
      assertThat(r.code()).isEqualTo(code);
      assertThat(r.reason()).containsIgnoringCase(reasonPart);
    });
  }

  private List<Path> storedOriginals() {
    Path originals = dataDir.resolve("storage").resolve("originals");
    if (!Files.exists(originals)) return List.of();
    try (Stream<Path> files = Files.walk(originals)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
