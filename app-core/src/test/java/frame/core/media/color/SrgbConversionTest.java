package frame.core.media.color;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.library.ImageFormat;
import frame.core.media.DecodeBudget;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.media.codec.Codec;
import frame.core.media.codec.jpeg.JpegCodec;
import frame.core.media.turbo.TurboJpeg;
import frame.core.pipeline.WorkingImages;
import frame.core.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * F4: a wide-gamut JPEG's colours land where colour management puts them. Saturated patches
 * stored in Adobe RGB and Display P3 go through the decoder and the working image (scaled,
 * then converted once) and are compared with two references: the JDK's colour engine
 * (LittleCMS) converting the stored values, and the spaces' published matrices and curves.
 * Ignoring the profile (the negative control) is far outside the tolerance. On both decode paths.
 */
class SrgbConversionTest {
  static final int[][] PATCHES = {{200, 60, 40}, {40, 180, 70}, {50, 70, 200}, {230, 200, 40}, {200, 40, 180}, {128, 128, 128}};
  static final int TOLERANCE = 4;
  static final int IGNORED_PROFILE = 12;

  @TempDir Path dir;
  final ImageDecoder decoder = new ImageDecoder(Long.MAX_VALUE, new DecodeBudget(100, Duration.ofSeconds(30)));

  /** The build's second run hides every native library for the whole JVM: put that back, not nothing. */
  static final String HIDDEN_BY_THE_BUILD = System.getProperty("frame.native.disable");

  @AfterEach
  void show_native_libraries_again() {
    if (HIDDEN_BY_THE_BUILD == null) System.clearProperty("frame.native.disable");
    else System.setProperty("frame.native.disable", HIDDEN_BY_THE_BUILD);
  }

  /**
   * The working image converts each row as it is scaled (and a picture already small enough where
   * it is): exactly the pixels of scaling the whole picture and then converting it.
   */
  @ParameterizedTest(name = "{0}, {1} px wide")
  @CsvSource({"adobe,2304", "p3,2304", "adobe,1800", "p3,1800"})
  void converting_rows_as_they_are_scaled_gives_the_pixels_of_converting_afterwards(String space, int width) {
    byte[] profile = space.equals("adobe") ? RgbProfiles.adobeRgb() : RgbProfiles.displayP3();
    BufferedImage photo = TestImages.detailedPhoto(width, width * 3 / 4, width);
    BufferedImage copy = TestImages.detailedPhoto(width, width * 3 / 4, width);
    BufferedImage expected = SrgbConversion.toSrgb(frame.core.media.AreaScale.to(copy, Math.min(2000, width),
        Math.min(1500, width * 3 / 4)), java.util.Optional.of(profile));

    DecodedImage working = WorkingImages.working(new DecodedImage(photo, frame.core.media.Orientation.fromExif(1),
        java.util.Optional.of(profile)));

    assertThat(working.iccProfile()).isEmpty();
    int[] made = working.pixels().getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
    int[] wanted = expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
    assertThat(made).isEqualTo(wanted);
    assertThat(wanted).as("the conversion changed the pixels").isNotEqualTo(
        copy.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth()));
  }

  @ParameterizedTest(name = "{0}, native libraries hidden: {1}")
  @CsvSource({"adobe,''", "p3,''", "adobe,turbojpeg", "p3,turbojpeg"})
  void wide_gamut_patches_land_where_colour_management_puts_them(String space, String hidden) {
    if (!hidden.isEmpty()) System.setProperty("frame.native.disable", hidden);
    byte[] profile = space.equals("adobe") ? RgbProfiles.adobeRgb() : RgbProfiles.displayP3();
    byte[] jpeg = TestImages.withIccProfile(TestImages.jpeg(patches(3000, 1000)), profile);
    Path file = TestImages.write(dir, space + ".jpg", jpeg);

    DecodedImage decoded = decoder.decode(file, ImageFormat.JPEG, 2000);
    if (JpegCodec.decoderFor(jpeg) == JpegCodec.Decoder.LIBJPEG_TURBO) {
      assertThat(decoded.iccProfile()).as("the profile travels with the pixels").isPresent();
    } // ImageIO may convert as it decodes; either way the colours below must land
    DecodedImage working = WorkingImages.working(decoded);
    assertThat(working.iccProfile()).as("converted once, then sRGB").isEmpty();
    assertThat(working.pixels().getWidth()).isEqualTo(2000);

    ColorConvertOp engine = new ColorConvertOp(new ICC_ColorSpace(ICC_Profile.getInstance(profile)),
        ColorSpace.getInstance(ColorSpace.CS_sRGB), null);
    for (int i = 0; i < PATCHES.length; i++) {
      int made = working.pixels().getRGB(2000 * (2 * i + 1) / (2 * PATCHES.length), 125);
      int[] stored = PATCHES[i];
      int[] byEngine = convert(engine, stored);
      int[] byMatrices = byMatrices(space, stored);
      String what = "%s patch %s -> made %s, engine %s, matrices %s".formatted(space, str(stored), str(rgb(made)),
          str(byEngine), str(byMatrices));
      System.out.println(what);
      assertThat(distance(rgb(made), byEngine)).as(what).isLessThanOrEqualTo(TOLERANCE);
      assertThat(distance(rgb(made), byMatrices)).as(what).isLessThanOrEqualTo(TOLERANCE);
      if (i < 2) { // red and green: where both spaces reach beyond sRGB (P3's blue is sRGB's)
        assertThat(distance(stored, byMatrices)).as("negative control: ignoring the profile is visibly wrong, " + what)
            .isGreaterThan(IGNORED_PROFILE);
      }
    }
  }

  @ParameterizedTest(name = "native libraries hidden: {0}")
  @CsvSource({"''", "turbojpeg"})
  void tagged_srgb_needs_no_work_and_stays_on_the_fast_path(String hidden) throws Exception {
    boolean turboInstalled = TurboJpeg.available().isPresent(); // false in the build's run without native libraries
    if (!hidden.isEmpty()) System.setProperty("frame.native.disable", hidden);
    byte[] plain = TestImages.jpeg(patches(2400, 300));
    byte[] tagged = TestImages.withIccProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    assertThat(IccProfiles.ofJpeg(tagged).map(IccProfiles::isSrgb)).contains(true);

    JpegCodec.Decoder expected = turboInstalled && hidden.isEmpty() ? JpegCodec.Decoder.LIBJPEG_TURBO : JpegCodec.Decoder.IMAGEIO;
    System.out.println("tagged sRGB, hidden '" + hidden + "': decoded by " + expected);
    assertThat(JpegCodec.decoderFor(tagged)).isEqualTo(expected);
    Codec.Picture result = new JpegCodec().decode(tagged, Long.MAX_VALUE, 1200);
    BufferedImage srgb = SrgbConversion.toSrgb(result.pixels(), result.iccProfile());
    assertThat(srgb).as("the very same pixels: no conversion").isSameAs(result.pixels());
    for (int i = 0; i < PATCHES.length; i++) {
      int made = srgb.getRGB(srgb.getWidth() * (2 * i + 1) / (2 * PATCHES.length), srgb.getHeight() / 2);
      assertThat(distance(rgb(made), PATCHES[i])).as("patch %d as stored", i).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @ParameterizedTest(name = "profile {0}")
  @CsvSource({"adobe", "p3"})
  void matrix_and_curve_profiles_take_the_per_channel_sums_within_a_level_of_the_published_matrices(String space) {
    byte[] profile = space.equals("adobe") ? RgbProfiles.adobeRgb() : RgbProfiles.displayP3();
    assertThat(SrgbConversion.convertsBySums(profile)).as("the fast form").isTrue();
    int steps = 18;
    BufferedImage grid = new BufferedImage(steps * steps * steps, 1, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < grid.getWidth(); i++) {
      grid.setRGB(i, 0, (level(i / (steps * steps), steps) << 16) | (level(i / steps % steps, steps) << 8) | level(i % steps, steps));
    }
    BufferedImage converted = SrgbConversion.toSrgb(grid, java.util.Optional.of(profile));
    int worst = 0;
    for (int i = 0; i < grid.getWidth(); i++) {
      worst = Math.max(worst, distance(rgb(converted.getRGB(i, 0)), byMatrices(space, rgb(grid.getRGB(i, 0)))));
    }
    assertThat(worst).as("largest difference over %d colours, in levels", grid.getWidth()).isLessThanOrEqualTo(1);
  }

  @ParameterizedTest(name = "profile {0}")
  @CsvSource({"adobe", "p3"})
  void the_3d_table_form_for_other_profiles_lands_the_patches_too(String space) {
    byte[] profile = space.equals("adobe") ? RgbProfiles.adobeRgb() : RgbProfiles.displayP3();
    BufferedImage converted = SrgbConversion.throughTable(patches(PATCHES.length, 1), profile);
    ColorConvertOp engine = new ColorConvertOp(new ICC_ColorSpace(ICC_Profile.getInstance(profile)),
        ColorSpace.getInstance(ColorSpace.CS_sRGB), null);
    for (int i = 0; i < PATCHES.length; i++) {
      int[] made = rgb(converted.getRGB(i, 0));
      assertThat(distance(made, convert(engine, PATCHES[i]))).as("engine, patch %d", i).isLessThanOrEqualTo(TOLERANCE);
      assertThat(distance(made, byMatrices(space, PATCHES[i]))).as("matrices, patch %d", i).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  private static int level(int step, int steps) {
    return step * 255 / (steps - 1);
  }

  @ParameterizedTest(name = "profile {0}")
  @CsvSource({"adobe", "p3"})
  void a_profile_split_over_several_chunks_is_put_back_together(String space) {
    byte[] profile = space.equals("adobe") ? RgbProfiles.adobeRgb() : RgbProfiles.displayP3();
    byte[] padded = java.util.Arrays.copyOf(profile, 150_000); // bigger than one APP2 segment holds
    java.nio.ByteBuffer.wrap(padded).putInt(0, padded.length);
    byte[] jpeg = TestImages.withIccProfile(TestImages.jpeg(patches(64, 16)), padded);
    assertThat(IccProfiles.ofJpeg(jpeg)).hasValueSatisfying(p -> assertThat(p).isEqualTo(padded));
    assertThat(IccProfiles.isSrgb(padded)).isFalse();
  }

  static BufferedImage patches(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    for (int i = 0; i < PATCHES.length; i++) {
      g.setColor(new Color(PATCHES[i][0], PATCHES[i][1], PATCHES[i][2]));
      g.fillRect(width * i / PATCHES.length, 0, width / PATCHES.length + 1, height);
    }
    g.dispose();
    return image;
  }

  private static int[] convert(ColorConvertOp engine, int[] stored) {
    var in = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 1, 1, 3, null);
    in.setPixel(0, 0, stored);
    var out = in.createCompatibleWritableRaster();
    engine.filter(in, out);
    return out.getPixel(0, 0, new int[3]);
  }

  /** Through CIE XYZ with the spaces' own definitions (both D65: no adaptation). */
  private static int[] byMatrices(String space, int[] stored) {
    double[][] source = RgbProfiles.rgbToXyzD65(space.equals("adobe")
        ? new double[][] {{0.64, 0.33}, {0.21, 0.71}, {0.15, 0.06}}
        : new double[][] {{0.680, 0.320}, {0.265, 0.690}, {0.150, 0.060}});
    double[][] srgb = RgbProfiles.rgbToXyzD65(new double[][] {{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}});
    double[] linear = new double[3];
    for (int c = 0; c < 3; c++) {
      double v = stored[c] / 255.0;
      linear[c] = space.equals("adobe") ? Math.pow(v, 563 / 256.0) : RgbProfiles.srgbToLinear(v);
    }
    double[] xyz = multiply(source, linear);
    double[] out = multiply(RgbProfiles.inverse(srgb), xyz);
    int[] encoded = new int[3];
    for (int c = 0; c < 3; c++) {
      double l = Math.clamp(out[c], 0, 1);
      double e = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
      encoded[c] = (int) Math.round(e * 255);
    }
    return encoded;
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] r = new double[3];
    for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) r[i] += m[i][k] * v[k];
    return r;
  }

  private static int[] rgb(int p) {
    return new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
  }

  private static int distance(int[] a, int[] b) {
    return Math.max(Math.abs(a[0] - b[0]), Math.max(Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])));
  }

  private static String str(int[] v) {
    return "(%d,%d,%d)".formatted(v[0], v[1], v[2]);
  }
}
