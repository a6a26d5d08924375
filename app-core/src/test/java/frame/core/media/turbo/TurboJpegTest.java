package frame.core.media.turbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.api.FrameException;
import frame.core.api.library.ImageFormat;
import frame.core.media.DecodeBudget;
import frame.core.media.ImageDecoder;
import frame.core.media.JpegWriter;
import frame.core.media.jpeg.JpegDecoding;
import frame.core.testing.PixelDifference;
import frame.core.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libjpeg-turbo through FFM: its decodes and encodes against ImageIO, and FRAME without it. */
class TurboJpegTest {
  static final BufferedImage PHOTO = TestImages.detailedPhoto(1600, 1200, 21);

  @TempDir Path dir;

  @AfterEach
  void show_native_libraries_again() {
    System.clearProperty("frame.native.disable");
  }

  private static TurboJpeg turbo() {
    assumeTrue(TurboJpeg.available().isPresent(), "libturbojpeg is not installed here");
    return TurboJpeg.available().get();
  }

  @ParameterizedTest(name = "{0}/8")
  @CsvSource({"8", "5", "4", "2", "1"})
  void scaled_decode_looks_like_an_area_average_of_the_full_picture(int eighths) throws Exception {
    byte[] jpeg = TestImages.jpeg(PHOTO);
    BufferedImage decoded = turbo().decode(jpeg, 1600, 1200, eighths);
    assertThat(decoded.getWidth()).isEqualTo((1600 * eighths + 7) / 8);
    assertThat(decoded.getHeight()).isEqualTo((1200 * eighths + 7) / 8);
    BufferedImage reference = PixelDifference.areaAverage(ImageIO.read(new ByteArrayInputStream(jpeg)),
        decoded.getWidth(), decoded.getHeight());
    PixelDifference difference = PixelDifference.of(decoded, reference);
    System.out.println(eighths + "/8: " + difference);
    assertThat(difference.psnr()).as(difference.toString()).isGreaterThan(eighths == 8 ? 40 : 30);
    for (double shift : difference.meanShift()) assertThat(Math.abs(shift)).as(difference.toString()).isLessThan(1.0);
  }

  @Test
  void progressive_encode_is_progressive_and_keeps_the_picture() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    turbo().encode(PHOTO, 85, true, out);
    byte[] jpeg = out.toByteArray();
    assertThat(hasMarker(jpeg, 0xC2)).as("SOF2: progressive").isTrue();
    PixelDifference difference = PixelDifference.of(ImageIO.read(new ByteArrayInputStream(jpeg)), PHOTO);
    assertThat(difference.psnr()).as(difference.toString()).isGreaterThan(32);

    ByteArrayOutputStream baseline = new ByteArrayOutputStream();
    turbo().encode(PHOTO.getSubimage(100, 50, 512, 512), 80, false, baseline);
    assertThat(hasMarker(baseline.toByteArray(), 0xC0)).as("SOF0: baseline").isTrue();
    BufferedImage square = ImageIO.read(new ByteArrayInputStream(baseline.toByteArray()));
    assertThat(PixelDifference.of(square, PHOTO.getSubimage(100, 50, 512, 512)).psnr()).as("a subimage view").isGreaterThan(30);
  }

  /**
   * The preview's progressive file: libjpeg-turbo's baseline coefficients written as our
   * spectral-selection scans. Every size, including those that end inside an MCU, decodes to
   * exactly the pixels of the baseline file, with ImageIO and with libjpeg-turbo.
   */
  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1600, 1200", "1999, 1333", "2000, 1125", "17, 9", "1, 1", "8, 16", "33, 2001"})
  void the_preview_writer_is_progressive_with_the_pixels_of_the_baseline_file(int width, int height) throws Exception {
    BufferedImage picture = TestImages.detailedPhoto(Math.max(width, 64), Math.max(height, 64), width + height)
        .getSubimage(0, 0, width, height);
    ByteArrayOutputStream progressive = new ByteArrayOutputStream();
    JpegWriter.write(picture, 0.85f, true, progressive);
    ByteArrayOutputStream baseline = new ByteArrayOutputStream();
    turbo().encode(picture, 85, false, baseline);

    byte[] jpeg = progressive.toByteArray();
    assertThat(hasMarker(jpeg, 0xC2)).as("SOF2: progressive").isTrue();
    assertThat(pixels(ImageIO.read(new ByteArrayInputStream(jpeg))))
        .isEqualTo(pixels(ImageIO.read(new ByteArrayInputStream(baseline.toByteArray()))));
    assertThat(pixels(turbo().decode(jpeg, width, height, 8)))
        .isEqualTo(pixels(turbo().decode(baseline.toByteArray(), width, height, 8)));
  }

  @Test
  void coefficients_of_a_damaged_file_are_an_error_not_a_crash() {
    byte[] whole = TestImages.jpeg(PHOTO);
    assertThatThrownBy(() -> turbo().coefficients(Arrays.copyOf(whole, whole.length / 2)))
        .isInstanceOf(TurboJpegException.class);
    assertThatThrownBy(() -> turbo().coefficients(new byte[] {1, 2, 3, 4})).isInstanceOf(TurboJpegException.class);
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void damaged_and_foreign_bytes_are_refused_not_crashed_on() {
    byte[] whole = TestImages.jpeg(PHOTO);
    assertThatThrownBy(() -> turbo().decode(Arrays.copyOf(whole, whole.length / 2), 1600, 1200, 4))
        .isInstanceOf(TurboJpegException.class);
    assertThatThrownBy(() -> turbo().header(new byte[] {1, 2, 3, 4})).isInstanceOf(TurboJpegException.class);
  }

  @Test
  void a_truncated_file_still_fails_as_corrupt_through_the_decoder() {
    turbo();
    byte[] whole = TestImages.jpeg(PHOTO);
    Path file = TestImages.write(dir, "cut.jpg", Arrays.copyOf(whole, whole.length * 2 / 3));
    ImageDecoder decoder = new ImageDecoder(Long.MAX_VALUE, new DecodeBudget(100, Duration.ofSeconds(30)));
    assertThatThrownBy(() -> decoder.decode(file, ImageFormat.JPEG, 2000)).isInstanceOf(FrameException.class);
  }

  @Test
  void hidden_by_the_property_frame_uses_its_java_codec_with_the_same_result() throws Exception {
    turbo();
    byte[] jpeg = TestImages.jpeg(PHOTO);
    JpegDecoding.Result withTurbo = JpegDecoding.decode(jpeg, 1600, 1200, 800).orElseThrow();
    assertThat(withTurbo.path()).isEqualTo(JpegDecoding.Path.TURBO);

    System.setProperty("frame.native.disable", "libheif, turbojpeg");
    assertThat(TurboJpeg.available()).isEmpty();
    JpegDecoding.Result withJava = JpegDecoding.decode(jpeg, 1600, 1200, 800).orElseThrow();
    assertThat(withJava.path()).isEqualTo(JpegDecoding.Path.JAVA);
    assertThat(withJava.pixels().getWidth()).isEqualTo(withTurbo.pixels().getWidth());
    PixelDifference difference = PixelDifference.of(withJava.pixels(), withTurbo.pixels());
    assertThat(difference.psnr()).as(difference.toString()).isGreaterThan(35);

    ByteArrayOutputStream java = new ByteArrayOutputStream();
    JpegWriter.write(PHOTO, 0.85f, true, java);
    assertThat(hasMarker(java.toByteArray(), 0xC2)).as("our own progressive encoder").isTrue();
  }

  @Test
  void the_choice_of_scale_keeps_the_longest_side() {
    assertThat(JpegDecoding.eighthsFor(4000, 3000, 2000)).isEqualTo(4);
    assertThat(JpegDecoding.eighthsFor(3264, 2448, 2000)).isEqualTo(5);
    assertThat(JpegDecoding.eighthsFor(6000, 4000, 2000)).isEqualTo(3);
    assertThat(JpegDecoding.eighthsFor(2592, 1944, 2000)).isEqualTo(7);
    assertThat(JpegDecoding.eighthsFor(1920, 1080, 2000)).isEqualTo(8);
    assertThat(JpegDecoding.eighthsFor(16000, 9000, 2000)).isEqualTo(1);
  }

  private static boolean hasMarker(byte[] jpeg, int marker) {
    for (int i = 2; i + 3 < jpeg.length; ) {
      if ((jpeg[i] & 0xFF) != 0xFF) return false;
      int m = jpeg[i + 1] & 0xFF;
      if (m == marker) return true;
      if (m == 0xDA) return false;
      i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
    }
    return false;
  }
}
