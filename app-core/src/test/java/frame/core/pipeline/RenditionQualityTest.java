package frame.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.Engine;
import frame.core.Frame;
import frame.core.api.ImageDetails;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speed work must not cost quality: the preview and each thumbnail FRAME makes from a 12 MP
 * photo full of aliasing traps (one-pixel stripes and checks, in gray and in saturated colour)
 * are compared with an area-averaging downscale of the same photo decoded at full size. Inside
 * the traps the right answer is an even tone, which JPEG keeps almost exactly, so any stripe or
 * moiré left there is aliasing; over the whole picture the colours must not shift. This class
 * runs on the decode path FRAME takes here (libjpeg-turbo when installed); its subclass
 * {@link RenditionQualityJavaCodecTest} holds the Java decoder and encoder to the same limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenditionQualityTest {
  static final int WIDTH = 4000;
  static final int HEIGHT = 3000;
  /** Mean channel difference of the worst 8x8 tile inside a trap: dropped pixels make stripes solid (~127). */
  static final double VISIBLE_ALIASING = 8;
  static final double COLOUR_SHIFT = 1.5;
  static final int PATCH = 600;
  static final int PATCH_TOP = 1200;

  BufferedImage original;
  ImageDetails processed;

  /** What {@code frame.native.disable} says while this class runs (null: nothing hidden). */
  String hiddenNativeLibraries() {
    return null;
  }

  @BeforeAll
  void process_a_photo_full_of_traps(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("data");
    Path photos = dir.resolve("photos");
    if (hiddenNativeLibraries() != null) System.setProperty("frame.native.disable", hiddenNativeLibraries());
    Path file = TestImages.write(photos, "traps.jpg", TestImages.jpeg(traps()));
    original = ImageIO.read(file.toFile());
    System.out.println(getClass().getSimpleName() + ": codec " + Engine.get().benchmarks().fastestCodec());
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().importFile(file);
      List<Image> images = FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(90));
      assertThat(images).singleElement().matches(i -> i.state() == ImageState.PROCESSED);
      processed = frame.ports().library().details(images.get(0).id());
    }
  }

  @AfterAll
  void show_the_native_libraries_again() {
    if (hiddenNativeLibraries() != null) System.clearProperty("frame.native.disable");
  }

  @Test
  void preview_matches_an_area_averaged_reference() throws Exception {
    BufferedImage preview = read(processed.files().preview().toFile());
    assertThat(preview.getWidth()).isEqualTo(2000);
    BufferedImage reference = PixelDifference.areaAverage(original, 2000, 1500);
    assertLooksLikeTheReference("preview", preview, reference, 0, 0.5);
  }

  @Test
  void every_thumbnail_matches_an_area_averaged_reference() throws Exception {
    BufferedImage square = original.getSubimage((WIDTH - HEIGHT) / 2, 0, HEIGHT, HEIGHT);
    for (int size : new int[] {512, 256, 128, 64}) {
      BufferedImage thumbnail = read(processed.files().thumbnail(size).orElseThrow().toFile());
      BufferedImage reference = PixelDifference.areaAverage(square, size, size);
      assertLooksLikeTheReference(size + " px thumbnail", thumbnail, reference, (WIDTH - HEIGHT) / 2, size / (double) HEIGHT);
    }
  }

  @Test
  void the_measure_catches_aliasing_when_pixels_are_dropped() {
    BufferedImage dropped = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 1500; y++) for (int x = 0; x < 2000; x++) dropped.setRGB(x, y, original.getRGB(2 * x, 2 * y));
    assertThat(worstTileInTraps(dropped, PixelDifference.areaAverage(original, 2000, 1500), 0, 0.5))
        .isGreaterThan(VISIBLE_ALIASING * 8);
  }

  /** {@code left} and {@code scale} place the original's pixels in the rendition. */
  private void assertLooksLikeTheReference(String what, BufferedImage made, BufferedImage reference, int left,
      double scale) {
    PixelDifference whole = PixelDifference.of(made, reference);
    double traps = worstTileInTraps(made, reference, left, scale);
    System.out.printf("%s: %s; worst tile inside the traps %.1f%n", what, whole, traps);
    assertThat(traps).as("%s: visible aliasing", what).isLessThan(VISIBLE_ALIASING);
    // JPEG at q80 on a 64 px square of busy detail stays above 25 dB; a shifted crop falls far below
    assertThat(whole.psnr()).as("%s: the same picture %s", what, whole).isGreaterThan(22);
    for (double shift : whole.meanShift()) assertThat(Math.abs(shift)).as("%s: colour shift %s", what, whole).isLessThan(COLOUR_SHIFT);
  }

  private double worstTileInTraps(BufferedImage made, BufferedImage reference, int left, double scale) {
    double worst = 0;
    int margin = 24; // the traps' own edges are real detail
    for (int i = 0; i < 5; i++) {
      int x0 = (int) Math.ceil((300 + i * 700 + margin - left) * scale);
      int x1 = (int) Math.floor((300 + i * 700 + PATCH - margin - left) * scale);
      int y0 = (int) Math.ceil((PATCH_TOP + margin) * scale);
      int y1 = (int) Math.floor((PATCH_TOP + PATCH - margin) * scale);
      x0 = Math.max(0, x0);
      x1 = Math.min(made.getWidth(), x1);
      if (x1 - x0 < 8 || y1 - y0 < 8) continue;
      worst = Math.max(worst, PixelDifference.of(made.getSubimage(x0, y0, x1 - x0, y1 - y0),
          reference.getSubimage(x0, y0, x1 - x0, y1 - y0)).worstTile());
    }
    return worst;
  }

  private static BufferedImage read(File file) throws Exception {
    BufferedImage image = ImageIO.read(file);
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    return rgb;
  }

  /** A photo with patches of one-pixel detail that alias into solid colour or moiré when pixels are dropped. */
  static BufferedImage traps() {
    BufferedImage image = TestImages.detailedPhoto(WIDTH, HEIGHT, 11);
    Graphics2D g = image.createGraphics();
    int patch = PATCH;
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
          image.setRGB(x0 + x, PATCH_TOP + y, rgb);
        }
      }
    }
    g.setColor(new Color(0xFF8800));
    g.fillRect(1500, 200, 800, 500);
    g.dispose();
    return image;
  }
}
