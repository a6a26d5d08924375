package frame.core.formats;

import static frame.core.testing.TestImages.BOTTOM_LEFT;
import static frame.core.testing.TestImages.BOTTOM_RIGHT;
import static frame.core.testing.TestImages.TOP_LEFT;
import static frame.core.testing.TestImages.TOP_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.Frame;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.media.Codecs;
import frame.core.testing.ExifBuilder;
import frame.core.testing.FrameFixture;
import frame.core.testing.HeifFixtures;
import frame.core.testing.PixelDifference;
import frame.core.testing.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEIC and AVIF files made by libheif's encoders, one per container orientation (irot/imir),
 * each also carrying an EXIF Orientation that must not be applied on top. With libheif they all
 * come out upright exactly once; with it hidden ({@code -Dframe.native.disable=libheif}) each
 * is taken in and fails with what to install (F3).
 */
class HeifPhotosTest {
  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0}: every container orientation comes out upright once")
  @EnumSource(HeifFixtures.Codec.class)
  void every_container_orientation_comes_out_upright_exactly_once(HeifFixtures.Codec codec) throws IOException {
    HeifFixtures fixtures = HeifFixtures.available(codec).orElse(null);
    assumeTrue(fixtures != null, "libheif with an encoder for " + codec + " is needed to make the files");
    BufferedImage upright = TestImages.quadrants(480, 320);
    try (Frame frame = FrameFixture.open(dataDir)) {
      Map<Integer, Image> byOrientation = new LinkedHashMap<>();
      Map<Integer, BufferedImage> references = new LinkedHashMap<>();
      for (int o = 1; o <= 8; o++) {
        // an iPhone writes the same orientation into EXIF; a reader that applies both turns twice
        byte[] exif = new ExifBuilder().orientation(o == 1 ? 6 : o).camera("Apple", "iPhone 15 Pro")
            .dateTaken("2024:05:01 10:22:33").tiff();
        byte[] file = fixtures.encodeShowingUpright(upright, codec, o, exif);
        assertThat(hasBox(file, "irot")).as("o%d irot", o).isEqualTo(Set.of(3, 5, 6, 7, 8).contains(o));
        assertThat(hasBox(file, "imir")).as("o%d imir", o).isEqualTo(Set.of(2, 4, 5, 7).contains(o));
        references.put(o, fixtures.reference(file));
        if (o != 1) {
          assertThat(PixelDifference.of(TestImages.storedFor(upright, 1), references.get(o)).mean())
              .as("o%d: libheif shows it upright", o).isLessThan(3);
          BufferedImage coded = fixtures.coded(file);
          assertThat(coded.getWidth() != 480 || PixelDifference.of(upright, coded).mean() > 40)
              .as("o%d: the coded pixels are not upright", o).isTrue();
        }
        IngestResult result = frame.ports().imports().ingest(new ByteArrayInputStream(file), "o" + o + "." + extension(codec), null);
        assertThat(result).as("o%d", o).isInstanceOf(IngestResult.Stored.class);
        byOrientation.put(o, ((IngestResult.Stored) result).image());
      }
      FrameFixture.awaitAllFinal(frame, Duration.ofMinutes(2));

      for (var entry : byOrientation.entrySet()) {
        Image image = frame.ports().library().image(entry.getValue().id());
        assertThat(image.format()).isEqualTo(codec == HeifFixtures.Codec.HEVC ? ImageFormat.HEIC : ImageFormat.AVIF);
        assertThat(image.width()).as("o%d width", entry.getKey()).isEqualTo(480);
        assertThat(image.height()).as("o%d height", entry.getKey()).isEqualTo(320);
        assertThat(image.cameraModel()).as("EXIF read from the %s", image.format()).isEqualTo("iPhone 15 Pro");
        assertThat(image.takenAt()).isEqualTo("2024-05-01T10:22:33");
        if (!heifDecodes()) {
          assertThat(image.state()).isEqualTo(ImageState.FAILED);
          assertThat(image.failureReason()).contains(image.format().name() + " needs libheif", "apt install libheif1");
          continue;
        }
        assertThat(image.state()).as("o%d: %s", entry.getKey(), image.failureReason()).isEqualTo(ImageState.PROCESSED);
        int o = entry.getKey();
        BufferedImage preview = ImageIO.read(frame.ports().library().files(image).existingPreview().orElseThrow().toFile());
        assertThat(preview.getWidth()).isEqualTo(480);
        assertThat(preview.getHeight()).isEqualTo(320);
        PixelDifference difference = PixelDifference.of(references.get(o), preview);
        assertThat(difference.mean()).as("o%d preview against libheif's rendering: %s", o, difference).isLessThan(3);
        assertCorners("o" + o + " preview", preview);
        assertCorners("o" + o + " thumbnail", ImageIO.read(frame.ports().library().files(image).thumbnail(256).orElseThrow().toFile()));
      }
    }
  }

  private static boolean hasBox(byte[] file, String type) {
    return new String(file, StandardCharsets.ISO_8859_1).contains(type);
  }

  static boolean heifDecodes() {
    return Codecs.forFormat(ImageFormat.HEIC).orElseThrow().decodes();
  }

  private static String extension(HeifFixtures.Codec codec) {
    return codec == HeifFixtures.Codec.HEVC ? "heic" : "avif";
  }

  /** The thumbnail is the centre square, so its corners are the quadrants' inner parts. */
  static void assertCorners(String what, BufferedImage picture) {
    int w = picture.getWidth();
    int h = picture.getHeight();
    assertColour(what, picture, w / 8, h / 8, TOP_LEFT);
    assertColour(what, picture, w - w / 8, h / 8, TOP_RIGHT);
    assertColour(what, picture, w / 8, h - h / 8, BOTTOM_LEFT);
    assertColour(what, picture, w - w / 8, h - h / 8, BOTTOM_RIGHT);
  }

  private static void assertColour(String what, BufferedImage picture, int x, int y, Color expected) {
    assertThat(TestImages.near(picture.getRGB(x, y), expected, 32))
        .as("%s: colour at %d,%d is %s, expected %s", what, x, y, new Color(picture.getRGB(x, y)), expected)
        .isTrue();
  }
}
