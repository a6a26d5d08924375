package frame.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.Frame;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.media.codec.raw.LibRaw;
import frame.core.testing.FrameFixture;
import frame.core.testing.HeifFixtures;
import frame.core.testing.PixelDifference;
import frame.core.testing.SampleFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real iPhone HEICs, the AVIF, the JPEG wearing a .heic name and the DNG in
 * {@code ../shared/samples}: each PROCESSED, the right size, and upright (its preview matches
 * libheif's own rendering with the container's transformations, the reference heif-convert uses).
 */
class SamplePhotosTest {
  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0} is a {1} of {2} x {3}, upright")
  @CsvSource(textBlock = """
      iphone_7.heic,                  HEIC, 4032, 3024
      iphone_15_pro.heic,             HEIC, 3024, 4032
      fox.profile0.8bpc.yuv420.avif,  AVIF, 1204, 800
      """)
  void phone_heif_photos_come_out_upright_at_their_size(String name, ImageFormat format, int width, int height)
      throws IOException {
    assumeTrue(HeifPhotosTest.heifDecodes(), "FRAME decodes no HEIF here (libheif missing or hidden): the branch without it runs instead");
    System.out.println("SamplePhotosTest: libheif decodes here, so " + name + " must come out PROCESSED and upright");
    Path file = sample("heic", name);
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = ((IngestResult.Stored) frame.ports().imports().importFile(file)).image();
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(2)).getFirst();
      assertThat(done.format()).isEqualTo(format);
      assertThat(frame.ports().library().files(done).original()).hasSameBinaryContentAs(file);
      assertThat(done.width()).isEqualTo(width);
      assertThat(done.height()).isEqualTo(height);
      assertThat(done.state()).as(done.failureReason()).isEqualTo(ImageState.PROCESSED);
      BufferedImage preview = ImageIO.read(frame.ports().library().files(image).existingPreview().orElseThrow().toFile());
      int longest = Math.min(2000, Math.max(width, height));
      assertThat(Math.max(preview.getWidth(), preview.getHeight())).isEqualTo(longest);
      assertThat(preview.getWidth() < preview.getHeight()).as("orientation").isEqualTo(width < height);
      HeifFixtures fixtures = HeifFixtures.available(HeifFixtures.Codec.HEVC).orElseThrow();
      BufferedImage reference = PixelDifference.areaAverage(fixtures.reference(Files.readAllBytes(file)),
          preview.getWidth(), preview.getHeight());
      PixelDifference difference = PixelDifference.of(reference, preview);
      assertThat(difference.mean()).as("preview against libheif's rendering: %s", difference).isLessThan(4);
    }
  }

  @ParameterizedTest(name = "without libheif, {0} is kept as a {1} of {2} x {3} and fails saying what to install")
  @CsvSource(textBlock = """
      iphone_7.heic,                  HEIC, 4032, 3024
      fox.profile0.8bpc.yuv420.avif,  AVIF, 1204, 800
      """)
  void without_libheif_phone_heif_photos_are_kept_and_fail_saying_what_to_install(String name, ImageFormat format,
      int width, int height) {
    assumeFalse(HeifPhotosTest.heifDecodes(), "FRAME decodes HEIF here: the branch with libheif runs instead");
    System.out.println("SamplePhotosTest: no libheif decoder here, so " + name + " must fail saying what to install");
    Path file = sample("heic", name);
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().importFile(file);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();
      assertThat(done.format()).isEqualTo(format);
      assertThat(done.width()).as("read from the HEIF boxes in Java").isEqualTo(width);
      assertThat(done.height()).isEqualTo(height);
      assertThat(frame.ports().library().files(done).original()).hasSameBinaryContentAs(file);
      assertThat(done.state()).isEqualTo(ImageState.FAILED);
      assertThat(done.failureReason()).contains("needs libheif");
    }
  }

  @Test
  void a_jpeg_named_heic_is_a_jpeg() {
    Path file = sample("heic", "jpeg_named_heic.heic");
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().importFile(file);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();
      assertThat(done.format()).isEqualTo(ImageFormat.JPEG);
      assertThat(done.state()).isEqualTo(ImageState.PROCESSED);
    }
  }

  @Test
  void the_real_dng_is_developed_with_libraw_or_shows_its_1024_px_preview_and_says_it_is_small() throws IOException {
    Path file = sample("raw", "canon_eos_6d.dng");
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().importFile(file);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();
      assertThat(done.format()).isEqualTo(ImageFormat.DNG);
      assertThat(done.state()).as(done.failureReason()).isEqualTo(ImageState.PROCESSED);
      assertThat(done.cameraModel()).isEqualTo("Canon EOS 6D");
      assertThat(frame.ports().library().files(done).original()).hasSameBinaryContentAs(file);
      BufferedImage preview = ImageIO.read(frame.ports().library().files(done).existingPreview().orElseThrow().toFile());
      boolean developed = LibRaw.load().isPresent();
      // its sensor data is 1224 x 816: LibRaw develops it over the 1024 px preview the converter embedded
      assertThat(preview.getWidth()).isEqualTo(developed ? 1224 : 1024);
      assertThat(preview.getHeight()).isEqualTo(developed ? 816 : 683);
      assertThat(frame.ports().library().details(done.id()).previewNote()).isPresent();
    }
  }

  private static Path sample(String folder, String name) {
    Path file = SampleFiles.folder(folder).map(dir -> dir.resolve(name)).orElse(null);
    assumeTrue(file != null && Files.isRegularFile(file), "sample " + folder + "/" + name + " is not here");
    return file;
  }
}
