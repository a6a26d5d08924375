package frame.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.testing.PixelDifference;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The working image's downscale (from the decoder's M/8 size to 2000 px) against the JDK's area averaging. */
class AreaScaleTest {
  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource({"2040,1530,2000,1500", "2304,1728,2000,1500", "3000,2000,2000,1333", "1000,3000,333,1000"})
  void matches_the_area_averaged_reference_stripes_and_all(int w, int h, int tw, int th) {
    BufferedImage photo = TestImages.detailedPhoto(w, h, w + h);
    for (int y = 100; y < 400; y++) for (int x = 100; x < 400; x++) photo.setRGB(x, y, (x & 1) == 0 ? 0xFFFFFF : 0x000000);
    BufferedImage made = AreaScale.to(photo, tw, th);
    BufferedImage reference = PixelDifference.areaAverage(photo, tw, th);

    PixelDifference difference = PixelDifference.of(made, reference);
    System.out.println(w + "x" + h + " -> " + tw + "x" + th + ": " + difference);
    assertThat(difference.psnr()).as(difference.toString()).isGreaterThan(40);
    assertThat(difference.worstTile()).as(difference.toString()).isLessThan(3);
    for (double shift : difference.meanShift()) assertThat(Math.abs(shift)).isLessThan(0.5);
  }

  /**
   * Pixel by pixel against the exact mean in double precision, computed the plain way: the
   * fixed-point weights may move a pixel by one level where the mean lies next to a half, never
   * more, and almost never at all; the float code this replaced is held to the same.
   */
  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource({"2016,1512,2000,1500", "2304,1728,2000,1500", "1500,1500,512,512", "750,750,512,512",
      "3000,2000,2000,1333", "1000,3000,333,1000", "4032,3024,2000,1500", "17,13,5,4"})
  void every_pixel_is_within_a_level_of_the_exact_mean(int w, int h, int tw, int th) {
    BufferedImage photo = TestImages.detailedPhoto(w, h, w * 31L + h);
    for (int y = 0; y < Math.min(h, 40); y++) for (int x = 0; x < w; x++) photo.setRGB(x, y, (x & 1) == 0 ? 0xFFFFFF : 0x000000);
    double[][] exact = exactMean(photo, tw, th);

    int[] now = levelsApart(AreaScale.to(photo, tw, th), exact);
    int[] before = levelsApart(AreaScaleBefore.to(photo, tw, th), exact);

    assertThat(now[1]).as("most levels apart").isLessThanOrEqualTo(1);
    assertThat(before[1]).as("most levels apart, before").isLessThanOrEqualTo(1);
    assertThat((double) now[0] / (tw * th * 3)).as("share of channels a level off").isLessThan(0.01);
  }

  @Test
  void a_flat_picture_stays_exactly_its_colour_and_the_row_step_sees_every_row() {
    BufferedImage flat = new BufferedImage(2016, 1512, BufferedImage.TYPE_INT_RGB);
    java.util.Arrays.fill(((java.awt.image.DataBufferInt) flat.getRaster().getDataBuffer()).getData(), 0xFF7F01);
    int[] rows = new int[1];
    BufferedImage made = AreaScale.to(flat, 2000, 1500, (pixels, from, count) -> {
      rows[0]++;
      for (int i = from; i < from + count; i++) pixels[i] ^= 0xFFFFFF;
    });
    assertThat(rows[0]).isEqualTo(1500);
    for (int y = 0; y < 1500; y += 7) for (int x = 0; x < 2000; x += 3) assertThat(made.getRGB(x, y) & 0xFFFFFF).isEqualTo(0x0080FE);
  }

  /** Channels more than 0 levels from the exact mean, and the most levels any is. */
  private static int[] levelsApart(BufferedImage made, double[][] exact) {
    int off = 0;
    int most = 0;
    for (int y = 0; y < made.getHeight(); y++) {
      for (int x = 0; x < made.getWidth(); x++) {
        int p = made.getRGB(x, y);
        for (int c = 0; c < 3; c++) {
          int level = (p >> (16 - 8 * c)) & 0xFF;
          int apart = Math.abs(level - (int) Math.round(exact[y * made.getWidth() + x][c]));
          if (apart > 0) off++;
          most = Math.max(most, apart);
        }
      }
    }
    return new int[] {off, most};
  }

  /** Each output pixel the covered-area-weighted mean of the source, in doubles, one pixel at a time. */
  private static double[][] exactMean(BufferedImage source, int width, int height) {
    double sx = (double) source.getWidth() / width;
    double sy = (double) source.getHeight() / height;
    double[][] out = new double[width * height][3];
    for (int oy = 0; oy < height; oy++) {
      for (int ox = 0; ox < width; ox++) {
        double[] sum = out[oy * width + ox];
        for (int y = (int) Math.floor(oy * sy); y < Math.min(source.getHeight(), Math.ceil((oy + 1) * sy)); y++) {
          double wy = Math.min((oy + 1) * sy, y + 1) - Math.max(oy * sy, y);
          for (int x = (int) Math.floor(ox * sx); x < Math.min(source.getWidth(), Math.ceil((ox + 1) * sx)); x++) {
            double wx = Math.min((ox + 1) * sx, x + 1) - Math.max(ox * sx, x);
            int p = source.getRGB(x, y);
            for (int c = 0; c < 3; c++) sum[c] += wx * wy * ((p >> (16 - 8 * c)) & 0xFF);
          }
        }
        for (int c = 0; c < 3; c++) sum[c] /= sx * sy;
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}x{1} to {2}x{3}")
  @CsvSource({"2040,1530,2000,1500"})
  void the_measure_catches_a_scale_that_drops_pixels(int w, int h, int tw, int th) {
    BufferedImage photo = TestImages.detailedPhoto(w, h, 5);
    for (int y = 100; y < 400; y++) for (int x = 100; x < 400; x++) photo.setRGB(x, y, (x & 1) == 0 ? 0xFFFFFF : 0x000000);
    BufferedImage nearest = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < th; y++) for (int x = 0; x < tw; x++) nearest.setRGB(x, y, photo.getRGB(x * w / tw, y * h / th));
    assertThat(PixelDifference.of(nearest, PixelDifference.areaAverage(photo, tw, th)).worstTile()).isGreaterThan(3);
  }
}
