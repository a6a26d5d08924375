package frame.core.media.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.testing.PixelDifference;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JpegDecoderTest {
  static final BufferedImage PHOTO = TestImages.detailedPhoto(1001, 753, 7);
  static final int STRIPES_X = 400;
  static final int STRIPES_Y = 320;
  static final int STRIPES_SIDE = 512;
  /** A photo with a patch of one-pixel black and white lines: dropped pixels turn it solid. */
  static final BufferedImage WITH_STRIPES = withStripes(TestImages.detailedPhoto(1600, 1200, 8));

  private static BufferedImage withStripes(BufferedImage photo) {
    for (int y = 0; y < STRIPES_SIDE; y++) {
      for (int x = 0; x < STRIPES_SIDE; x++) photo.setRGB(STRIPES_X + x, STRIPES_Y + y, (y & 1) == 0 ? 0xFFFFFF : 0);
    }
    return photo;
  }

  @ParameterizedTest(name = "{0}x{1} sampling, restart every {2}")
  @CsvSource({"2,2,0", "2,1,0", "1,1,0", "1,2,0", "2,2,7", "1,1,1"})
  void full_size_decode_matches_imageio(int h, int v, int restart) throws Exception {
    byte[] jpeg = JpegVariants.jpeg(PHOTO, h, v, restart, false);
    PixelDifference difference = PixelDifference.of(JpegDecoder.decode(jpeg, 1), JpegVariants.decodeWithImageIo(jpeg));
    System.out.println(h + "x" + v + " r" + restart + ": " + difference);
    assertThat(difference.psnr()).as(difference.toString()).isGreaterThan(h * v == 1 ? 45 : 38);
  }

  @Test
  void grayscale_decodes_to_equal_channels() throws Exception {
    byte[] jpeg = JpegVariants.jpeg(JpegVariants.gray(PHOTO), 1, 1, 0, false);
    BufferedImage decoded = JpegDecoder.decode(jpeg, 1);
    PixelDifference difference = PixelDifference.of(decoded, JpegVariants.decodeWithImageIo(jpeg));
    assertThat(difference.worst()).as(difference.toString()).isLessThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "1/{0}")
  @CsvSource({"2", "4", "8"})
  void reduced_decode_is_an_area_average_of_the_full_picture_not_dropped_pixels(int denominator) throws Exception {
    byte[] jpeg = JpegVariants.jpeg(WITH_STRIPES, 2, 2, 0, false);
    BufferedImage full = JpegVariants.decodeWithImageIo(jpeg);
    BufferedImage reference = PixelDifference.areaAverage(full, 1600 / denominator, 1200 / denominator);

    PixelDifference difference = PixelDifference.of(JpegDecoder.decode(jpeg, denominator), reference);
    double stripes = stripesDifference(JpegDecoder.decode(jpeg, denominator), reference, denominator);
    System.out.println("1/" + denominator + ": " + difference + "; worst tile in the stripes " + stripes);
    assertThat(difference.psnr()).as(difference.toString()).isGreaterThan(30);
    for (double shift : difference.meanShift()) assertThat(Math.abs(shift)).as("colour shift").isLessThan(1.0);
    assertThat(stripes).as("one-pixel stripes average to an even gray").isLessThan(8);

    // the negative control: a decode that drops pixels instead of averaging them fails the same measure
    BufferedImage dropped = new BufferedImage(1600 / denominator, 1200 / denominator, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < dropped.getHeight(); y++) {
      for (int x = 0; x < dropped.getWidth(); x++) dropped.setRGB(x, y, full.getRGB(x * denominator, y * denominator));
    }
    assertThat(stripesDifference(dropped, reference, denominator)).as("dropped pixels").isGreaterThan(8 * 8);
  }

  /** The worst 8x8 tile's mean difference inside the stripes of {@link #WITH_STRIPES}, at 1/{@code denominator}. */
  private static double stripesDifference(BufferedImage made, BufferedImage reference, int denominator) {
    int x0 = (STRIPES_X + 16) / denominator;
    int y0 = (STRIPES_Y + 16) / denominator;
    int side = (STRIPES_SIDE - 32) / denominator;
    return PixelDifference.of(made.getSubimage(x0, y0, side, side), reference.getSubimage(x0, y0, side, side)).worstTile();
  }

  @Test
  void a_camera_style_exif_block_with_its_own_embedded_jpeg_thumbnail_is_skipped() throws Exception {
    byte[] photo = JpegVariants.jpeg(PHOTO, 2, 2, 0, false);
    byte[] thumbnail = JpegVariants.jpeg(TestImages.detailedPhoto(160, 120, 3), 2, 2, 0, false);
    byte[] withExif = frame.core.media.ExifSegment.insert(photo, thumbnail);

    BufferedImage plain = JpegDecoder.decode(photo, 2);
    BufferedImage camera = JpegDecoder.decode(withExif, 2);
    assertThat(camera.getWidth()).isEqualTo(plain.getWidth());
    assertThat(PixelDifference.of(camera, plain).worst()).isZero();
  }

  @Test
  void odd_sizes_round_up_at_every_scale() throws Exception {
    byte[] jpeg = JpegVariants.jpeg(PHOTO, 2, 2, 0, false);
    for (int denominator : new int[] {1, 2, 4, 8}) {
      BufferedImage image = JpegDecoder.decode(jpeg, denominator);
      assertThat(image.getWidth()).isEqualTo((1001 + denominator - 1) / denominator);
      assertThat(image.getHeight()).isEqualTo((753 + denominator - 1) / denominator);
    }
  }

  @Test
  void the_fast_idct_equals_the_definition_and_its_averages_are_exact() {
    Random random = new Random(1);
    int[] quantisation = new int[64];
    Arrays.fill(quantisation, 1);
    float[] multipliers = Idct.multipliers(quantisation);
    for (int round = 0; round < 200; round++) {
      int[] coef = new int[64];
      for (int i = 0; i < 64; i++) coef[i] = random.nextInt(4) == 0 ? random.nextInt(200) - 100 : 0;
      coef[0] = random.nextInt(1024) - 512;
      double[] reference = definition(coef);
      byte[] full = new byte[64];
      Idct.full(coef, multipliers, full, 0, 8, new float[Idct.SCRATCH]);
      for (int i = 0; i < 64; i++) {
        assertThat((double) (full[i] & 0xFF)).isCloseTo(clamp(reference[i]), org.assertj.core.data.Offset.offset(1.0));
      }
      for (int[] average : new int[][] {{2, 2}, {4, 4}, {8, 8}, {1, 2}, {2, 1}, {4, 2}}) {
        byte[] averaged = new byte[64];
        if (average[0] == 2 && average[1] == 2) Idct.half(coef, multipliers, averaged, 0, 8, new float[Idct.SCRATCH]);
        else Idct.block(coef, multipliers, average[0], average[1], averaged, 0, 8, new float[Idct.SCRATCH]);
        for (int y = 0; y < 8 / average[1]; y++) {
          for (int x = 0; x < 8 / average[0]; x++) {
            double sum = 0;
            for (int dy = 0; dy < average[1]; dy++) {
              for (int dx = 0; dx < average[0]; dx++) sum += reference[(y * average[1] + dy) * 8 + x * average[0] + dx];
            }
            double mean = clamp(sum / (average[0] * average[1]));
            if (mean > 0.5 && mean < 254.5) {
              assertThat((double) (averaged[y * 8 + x] & 0xFF)).isCloseTo(mean, org.assertj.core.data.Offset.offset(1.0));
            }
          }
        }
      }
    }
  }

  /** The inverse DCT straight from its definition (A.3.3), level-shifted, unclamped. */
  private static double[] definition(int[] coef) {
    double[] pixels = new double[64];
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        double sum = 0;
        for (int v = 0; v < 8; v++) {
          for (int u = 0; u < 8; u++) {
            double cu = u == 0 ? Math.sqrt(0.5) : 1;
            double cv = v == 0 ? Math.sqrt(0.5) : 1;
            sum += cu * cv * coef[v * 8 + u] * Math.cos((2 * x + 1) * u * Math.PI / 16) * Math.cos((2 * y + 1) * v * Math.PI / 16);
          }
        }
        pixels[y * 8 + x] = sum / 4 + 128;
      }
    }
    return pixels;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(255, v));
  }

  @Test
  void leaves_progressive_truncated_and_foreign_files_to_imageio() {
    byte[] progressive = JpegVariants.jpeg(PHOTO, 2, 2, 0, true);
    assertThatThrownBy(() -> JpegDecoder.decode(progressive, 2)).isInstanceOf(NotDecodableHere.class);
    byte[] whole = JpegVariants.jpeg(PHOTO, 2, 2, 0, false);
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> JpegDecoder.decode(truncated, 2)).isInstanceOf(NotDecodableHere.class);
    assertThatThrownBy(() -> JpegDecoder.decode(new byte[] {1, 2, 3}, 2)).isInstanceOf(NotDecodableHere.class);
  }

  @Test
  void damage_in_the_scan_is_handed_over_or_leaves_the_rows_before_it_intact() throws Exception {
    byte[] whole = JpegVariants.jpeg(PHOTO, 2, 2, 0, false);
    BufferedImage clean = JpegDecoder.decode(whole, 1);
    int firstDamaged = whole.length / 2;
    byte[] garbage = whole.clone();
    new Random(3).ints(2000, firstDamaged, whole.length).forEach(i -> garbage[i] = (byte) (garbage[i] ^ 0x5A));
    BufferedImage decoded;
    try {
      decoded = JpegDecoder.decode(garbage, 1);
    } catch (NotDecodableHere handedOver) {
      return; // damage found goes to ImageIO, the judge of damage
    }
    // damage not found decodes to a picture of the declared size whose rows before the damage are the clean ones
    assertThat(decoded.getWidth()).isEqualTo(clean.getWidth());
    assertThat(decoded.getHeight()).isEqualTo(clean.getHeight());
    int intactRows = 16 * (int) (clean.getHeight() / 16 * 0.3); // well before the first damaged byte, in MCU rows
    BufferedImage top = decoded.getSubimage(0, 0, decoded.getWidth(), intactRows);
    assertThat(PixelDifference.of(top, clean.getSubimage(0, 0, clean.getWidth(), intactRows)).worst()).isZero();
  }

  @Test
  void scale_is_the_smallest_that_keeps_the_longest_side() {
    assertThat(JpegDecoder.scaleFor(4000, 3000, 2000)).isEqualTo(2);
    assertThat(JpegDecoder.scaleFor(6000, 4000, 2000)).isEqualTo(2);
    assertThat(JpegDecoder.scaleFor(8000, 6000, 2000)).isEqualTo(4);
    assertThat(JpegDecoder.scaleFor(3888, 2592, 2000)).isEqualTo(1);
    assertThat(JpegDecoder.scaleFor(16000, 9000, 2000)).isEqualTo(8);
  }
}
