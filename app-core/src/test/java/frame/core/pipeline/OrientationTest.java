package frame.core.pipeline;

import static frame.core.testing.TestImages.BOTTOM_LEFT;
import static frame.core.testing.TestImages.BOTTOM_RIGHT;
import static frame.core.testing.TestImages.TOP_LEFT;
import static frame.core.testing.TestImages.TOP_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.testing.ExifBuilder;
import frame.core.testing.FrameFixture;
import frame.core.testing.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class OrientationTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @ParameterizedTest(name = "EXIF orientation {0} comes out upright")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void every_exif_orientation_comes_out_upright(int orientation) throws IOException {
    // Upright the photo is landscape, red top-left, green top-right, blue bottom-left, white bottom-right.
    BufferedImage upright = TestImages.quadrants(2400, 1600);
    byte[] stored = new ExifBuilder().orientation(orientation)
        .into(TestImages.jpeg(TestImages.storedFor(upright, orientation)));
    Path file = TestImages.write(photos, "o" + orientation + ".jpg", stored);

    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = ((IngestResult.Stored) frame.ports().imports().importFile(file)).image();
      assertThat(FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60))).allMatch(i -> i.state() == ImageState.PROCESSED);

      BufferedImage preview = ImageIO.read(frame.ports().library().files(image).existingPreview().orElseThrow().toFile());
      assertThat(preview.getWidth()).isEqualTo(2000);
      assertThat(preview.getHeight()).isEqualTo(1333);
      assertCorners(preview);

      BufferedImage thumb = ImageIO.read(frame.ports().library().files(image).thumbnail(512).orElseThrow().toFile());
      assertCorners(thumb);
    }
  }

  private static void assertCorners(BufferedImage picture) {
    int w = picture.getWidth();
    int h = picture.getHeight();
    assertColour(picture, w / 8, h / 8, TOP_LEFT);
    assertColour(picture, w - w / 8, h / 8, TOP_RIGHT);
    assertColour(picture, w / 8, h - h / 8, BOTTOM_LEFT);
    assertColour(picture, w - w / 8, h - h / 8, BOTTOM_RIGHT);
  }

  private static void assertColour(BufferedImage picture, int x, int y, Color expected) {
    assertThat(TestImages.near(picture.getRGB(x, y), expected, 24))
        .as("colour at %d,%d is %s, expected %s", x, y, new Color(picture.getRGB(x, y)), expected)
        .isTrue();
  }
}
