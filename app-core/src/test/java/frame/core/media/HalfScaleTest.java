package frame.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Halving reads a centre square in place and gives each 2x2 block's rounded mean. */
class HalfScaleTest {
  @Test
  void a_centre_square_view_halves_to_the_mean_of_each_block() {
    BufferedImage photo = TestImages.photo(301, 200, 11);
    BufferedImage square = Renditions.centreSquare(photo); // a view: x from 50
    BufferedImage half = HalfScale.of(square);
    assertThat(half.getWidth()).isEqualTo(100);
    assertThat(half.getHeight()).isEqualTo(100);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 100; x++) {
        int[] sums = new int[3];
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int p = photo.getRGB(50 + 2 * x + dx, 2 * y + dy);
            sums[0] += p >> 16 & 0xFF;
            sums[1] += p >> 8 & 0xFF;
            sums[2] += p & 0xFF;
          }
        }
        int expected = (sums[0] + 2) / 4 << 16 | (sums[1] + 2) / 4 << 8 | (sums[2] + 2) / 4;
        assertThat(half.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(expected);
      }
    }
  }

  @Test
  void a_picture_of_another_type_halves_the_same() {
    BufferedImage photo = TestImages.photo(64, 48, 5);
    BufferedImage bgr = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
    bgr.getGraphics().drawImage(photo, 0, 0, null);
    BufferedImage fromInts = HalfScale.of(photo);
    BufferedImage fromBytes = HalfScale.of(bgr);
    for (int y = 0; y < 24; y++) {
      for (int x = 0; x < 32; x++) assertThat(fromBytes.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(fromInts.getRGB(x, y));
    }
  }
}
