package frame.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.testing.PixelDifference;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
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
