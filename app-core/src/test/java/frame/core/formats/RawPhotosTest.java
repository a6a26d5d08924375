package frame.core.formats;

import static frame.core.testing.RawFiles.ifd;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.ImageDetails;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.testing.FrameFixture;
import frame.core.testing.RawFiles;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
 * Camera RAW containers built here, each with a small thumbnail and a large JPEG preview stored
 * sideways or upside down as the camera held it: FRAME keeps the original byte for byte, takes
 * the largest preview, turns it by the RAW's own orientation, and reads the camera from its EXIF.
 */
class RawPhotosTest {
  private static final int MAKE = 0x10F;
  private static final int PHOTOMETRIC = 0x106;
  private static final int CFA = 32803;

  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0} (orientation {1}) shows its largest preview upright")
  @CsvSource(textBlock = """
      DNG, 6, Canon EOS 6D
      CR2, 8, Canon EOS 5D Mark IV
      NEF, 3, NIKON D850
      ARW, 1, ILCE-7M3
      PEF, 6, PENTAX K-1
      SRW, 8, SAMSUNG NX1
      ORF, 3, E-M1MarkII
      RW2, 6, DC-GH5
      RAF, 6, X-T3
      CR3, 8, Canon EOS R5
      """)
  void raw_shows_its_largest_embedded_preview_upright(ImageFormat format, int orientation, String model)
      throws IOException {
    BufferedImage upright = TestImages.quadrants(2400, 1600);
    byte[] preview = TestImages.jpeg(TestImages.storedFor(upright, orientation));
    byte[] raw = RawFiles.container(format, preview, orientation, model);
    try (Frame frame = FrameFixture.open(dataDir)) {
      IngestResult result = frame.ports().imports().ingest(new ByteArrayInputStream(raw), "photo." + format.extension(), null);
      assertThat(result).isInstanceOf(IngestResult.Stored.class);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();

      assertThat(done.format()).isEqualTo(format);
      assertThat(done.state()).as(done.failureReason()).isEqualTo(ImageState.PROCESSED);
      assertThat(Files.readAllBytes(frame.ports().library().files(done).original())).isEqualTo(raw);
      assertThat(done.cameraModel()).isEqualTo(model);
      BufferedImage shown = ImageIO.read(frame.ports().library().files(done).existingPreview().orElseThrow().toFile());
      assertThat(shown.getWidth()).isEqualTo(2000);
      assertThat(shown.getHeight()).isEqualTo(1333);
      HeifPhotosTest.assertCorners(format + " preview", shown);
      HeifPhotosTest.assertCorners(format + " thumbnail", ImageIO.read(frame.ports().library().files(done).thumbnail(512).orElseThrow().toFile()));
      assertThat(frame.ports().library().details(done.id()).previewNote()).isEmpty();
    }
  }

  @Test
  void a_raw_whose_largest_preview_is_small_shows_it_at_its_size_and_says_so() {
    byte[] small = TestImages.jpeg(TestImages.quadrants(1024, 683));
    byte[] dng = RawFiles.tiff(RawFiles.dng(small, 1, "Canon EOS 6D"));
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().ingest(new ByteArrayInputStream(dng), "small.dng", null);
      Image done = FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(1)).getFirst();

      assertThat(done.state()).isEqualTo(ImageState.PROCESSED);
      assertThat(done.width()).isEqualTo(1024);
      ImageDetails details = frame.ports().library().details(done.id());
      assertThat(details.previewNote()).hasValueSatisfying(note -> assertThat(note).contains("1024 x 683"));
    }
  }

  @Test
  void a_tiff_from_a_camera_maker_without_sensor_data_stays_a_tiff() {
    byte[] tiff = TestImages.encode(TestImages.quadrants(64, 48), "tiff");
    try (Frame frame = FrameFixture.open(dataDir)) {
      IngestResult result = frame.ports().imports().ingest(new ByteArrayInputStream(tiff), "scan.nef", null);
      assertThat(((IngestResult.Stored) result).image().format()).isEqualTo(ImageFormat.TIFF);
    }
  }

  @Test
  void a_raw_without_any_preview_is_refused_with_a_reason() {
    byte[] nef = RawFiles.tiff(ifd().tag(MAKE, "NIKON CORPORATION").tag(PHOTOMETRIC, CFA).strip(RawFiles.sensorData()));
    try (Frame frame = FrameFixture.open(dataDir)) {
      IngestResult result = frame.ports().imports().ingest(new ByteArrayInputStream(nef), "bare.nef", null);
      assertThat(result).isInstanceOf(IngestResult.Rejected.class);
      assertThat(((IngestResult.Rejected) result).reason()).contains("no embedded JPEG preview");
    }
  }
}
