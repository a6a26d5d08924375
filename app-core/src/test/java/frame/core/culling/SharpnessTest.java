package frame.core.culling;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.testing.Bursts;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sharpness measured three grey rows at a time is exactly the measure over the whole grey picture. */
class SharpnessTest {
  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"1000, 667", "667, 1000", "1000, 1000", "1000, 3", "3, 1000", "1000, 2"})
  void the_rolling_rows_give_exactly_the_whole_picture_s_variance(int width, int height) {
    BufferedImage sharp = width > 20 && height > 20 ? TestImages.detailedPhoto(width, height, width * 31L + height)
        : noise(width, height);
    assertThat(Sharpness.of(sharp)).isEqualTo(wholePicture(sharp));
    if (width > 20 && height > 20) {
      BufferedImage soft = Bursts.blurred(sharp);
      assertThat(Sharpness.of(soft)).isEqualTo(wholePicture(soft)).isLessThan(Sharpness.of(sharp));
      // a view of the picture's int array, its longest side kept at the measuring size
      BufferedImage view = width >= height ? sharp.getSubimage(0, 7, width, height - 9) : sharp.getSubimage(5, 0, width - 12, height);
      assertThat(Sharpness.of(view)).isEqualTo(wholePicture(view));
    }
  }

  private static BufferedImage noise(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(width * 7L + height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) image.setRGB(x, y, random.nextInt(1 << 24));
    }
    return image;
  }

  /** The measure as it was first written: the whole grey picture, then the Laplacian's variance. */
  private static double wholePicture(BufferedImage image) {
    assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(Sharpness.MEASURED_AT);
    double[][] grey = Greys.of(image);
    int h = grey.length;
    int w = grey[0].length;
    if (w < 3 || h < 3) return 0;
    double sum = 0;
    double sumSquares = 0;
    long n = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double laplacian = grey[y - 1][x] + grey[y + 1][x] + grey[y][x - 1] + grey[y][x + 1] - 4 * grey[y][x];
        sum += laplacian;
        sumSquares += laplacian * laplacian;
        n++;
      }
    }
    double mean = sum / n;
    return sumSquares / n - mean * mean;
  }
}
