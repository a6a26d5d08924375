package frame.core.culling;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Grey levels read from a picture's own array equal those read pixel by pixel, whatever its layout. */
class GreysTest {
  @Test
  void a_view_an_int_picture_and_a_byte_picture_give_the_same_greys() {
    BufferedImage photo = TestImages.photo(120, 90, 4);
    BufferedImage view = photo.getSubimage(10, 5, 100, 80);
    BufferedImage bytes = new BufferedImage(100, 80, BufferedImage.TYPE_3BYTE_BGR);
    bytes.getGraphics().drawImage(view, 0, 0, null);
    double[][] fromView = Greys.of(view);
    double[][] fromBytes = Greys.of(bytes);
    for (int y = 0; y < 80; y++) {
      for (int x = 0; x < 100; x++) {
        int p = photo.getRGB(10 + x, 5 + y);
        double expected = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        assertThat(fromView[y][x]).as("view %d,%d", x, y).isEqualTo(expected);
        assertThat(fromBytes[y][x]).as("bytes %d,%d", x, y).isEqualTo(expected);
      }
    }
    double[][] cells = Greys.areaAverage(view, 9, 8);
    double[][] cellsFromBytes = Greys.areaAverage(bytes, 9, 8);
    for (int y = 0; y < 8; y++) for (int x = 0; x < 9; x++) assertThat(cells[y][x]).isEqualTo(cellsFromBytes[y][x]);
    assertThat(cells[0][0]).as("a real mean, not an empty cell").isGreaterThan(0);
  }
}
