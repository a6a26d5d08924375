package frame.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.ImageDetails;
import frame.core.bench.Corpus;
import frame.core.image.Image;
import frame.core.image.ImageState;
import frame.core.testing.FrameFixture;
import frame.core.testing.PixelDifference;
import frame.core.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speed work must not cost quality: the preview and each thumbnail FRAME makes from a 12 MP
 * photo full of aliasing traps (one-pixel stripes and checks, in gray and in saturated colour)
 * are compared with an area-averaging downscale of the same photo decoded at full size.
 */
class RenditionQualityTest {
  static final int WIDTH = 4000;
  static final int HEIGHT = 3000;
  /** Mean channel difference of the worst 8x8 tile: dropped pixels make stripes solid (~127). */
  static final double VISIBLE_ALIASING = 16;
  static final double COLOUR_SHIFT = 1.5;

  @TempDir static Path dataDir;
  @TempDir static Path photos;
  static BufferedImage original;
  static ImageDetails processed;

  @BeforeAll
  static void process_a_photo_full_of_traps() throws Exception {
    Path file = TestImages.write(photos, "traps.jpg", TestImages.jpeg(traps()));
    original = ImageIO.read(file.toFile());
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.importFile(file);
      List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(90));
      assertThat(images).singleElement().matches(i -> i.state() == ImageState.PROCESSED);
      processed = frame.imageDetails(images.get(0).id());
    }
  }

  @Test
  void preview_matches_an_area_averaged_reference() throws Exception {
    BufferedImage preview = read(processed.files().preview().toFile());
    assertThat(preview.getWidth()).isEqualTo(2000);
    PixelDifference difference = PixelDifference.of(preview, PixelDifference.areaAverage(original, 2000, 1500));
    System.out.println("preview: " + difference);
    assertLooksLikeTheReference(difference);
  }

  @Test
  void every_thumbnail_matches_an_area_averaged_reference() throws Exception {
    BufferedImage square = original.getSubimage((WIDTH - HEIGHT) / 2, 0, HEIGHT, HEIGHT);
    for (int size : new int[] {512, 256, 128, 64}) {
      BufferedImage thumbnail = read(processed.files().thumbnail(size).orElseThrow().toFile());
      PixelDifference difference = PixelDifference.of(thumbnail, PixelDifference.areaAverage(square, size, size));
      System.out.println(size + " px thumbnail: " + difference);
      assertLooksLikeTheReference(difference);
    }
  }

  @Test
  void the_measure_catches_aliasing_when_pixels_are_dropped() {
    BufferedImage dropped = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 1500; y++) for (int x = 0; x < 2000; x++) dropped.setRGB(x, y, original.getRGB(2 * x, 2 * y));
    PixelDifference difference = PixelDifference.of(dropped, PixelDifference.areaAverage(original, 2000, 1500));
    assertThat(difference.worstTile()).as(difference.toString()).isGreaterThan(VISIBLE_ALIASING * 3);
  }

  private static void assertLooksLikeTheReference(PixelDifference difference) {
    assertThat(difference.worstTile()).as("visible aliasing: %s", difference).isLessThan(VISIBLE_ALIASING);
    for (double shift : difference.meanShift()) assertThat(Math.abs(shift)).as("colour shift: %s", difference).isLessThan(COLOUR_SHIFT);
  }

  private static BufferedImage read(File file) throws Exception {
    BufferedImage image = ImageIO.read(file);
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    return rgb;
  }

  /** A photo with patches of one-pixel detail that alias into solid colour or moiré when pixels are dropped. */
  static BufferedImage traps() {
    BufferedImage image = Corpus.photo(WIDTH, HEIGHT, 11);
    Graphics2D g = image.createGraphics();
    int patch = 600;
    for (int i = 0; i < 5; i++) {
      int x0 = 300 + i * 700;
      for (int y = 0; y < patch; y++) {
        for (int x = 0; x < patch; x++) {
          int rgb = switch (i) {
            case 0 -> (y & 1) == 0 ? 0xFFFFFF : 0;              // horizontal lines
            case 1 -> (x & 1) == 0 ? 0xFFFFFF : 0;              // vertical lines
            case 2 -> ((x + y) & 1) == 0 ? 0xFFFFFF : 0;        // checks
            case 3 -> (y & 1) == 0 ? 0x10E010 : 0xE010E0;      // colour lines, across
            default -> (x & 1) == 0 ? 0xE01010 : 0x1010E0;      // colour lines
          };
          image.setRGB(x0 + x, 1200 + y, rgb);
        }
      }
    }
    g.setColor(new Color(0xFF8800));
    g.fillRect(1500, 200, 800, 500);
    g.dispose();
    return image;
  }
}
