package frame.core.media.color;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * ICC profiles (version 2, matrix and tone curves) of the RGB spaces cameras and phones write
 * besides sRGB: Adobe RGB (1998) and Display P3. Built from their published primaries, white
 * point and curves, adapted to the profile connection space's D50 white with the Bradford
 * transform as ICC requires; used to make tagged test and benchmark photos without shipping
 * anyone's profile file.
 */
public final class RgbProfiles {
  private static final double[] D65 = {0.95047, 1.0, 1.08883};
  private static final double[] D50 = {0.96422, 1.0, 0.82521};

  private RgbProfiles() {}

  /** Adobe RGB (1998): wide greens, gamma 563/256. */
  public static byte[] adobeRgb() {
    return profile("Adobe RGB (1998) compatible", new double[][] {{0.64, 0.33}, {0.21, 0.71}, {0.15, 0.06}},
        gammaCurve(563 / 256.0));
  }

  /** Display P3: DCI-P3 primaries with D65 white and the sRGB tone curve, as iPhones write. */
  public static byte[] displayP3() {
    return profile("Display P3 compatible", new double[][] {{0.680, 0.320}, {0.265, 0.690}, {0.150, 0.060}},
        srgbCurve());
  }

  /** Linear RGB (0..1) to CIE XYZ with a D65 white, from primaries' xy chromaticities. */
  public static double[][] rgbToXyzD65(double[][] primaries) {
    double[][] m = new double[3][3];
    for (int c = 0; c < 3; c++) {
      double x = primaries[c][0], y = primaries[c][1];
      m[0][c] = x / y;
      m[1][c] = 1;
      m[2][c] = (1 - x - y) / y;
    }
    double[] s = solve(m, D65);
    for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) m[r][c] *= s[c];
    return m;
  }

  private static byte[] profile(String description, double[][] primaries, byte[] curve) {
    double[][] toXyz = multiply(bradfordD65toD50(), rgbToXyzD65(primaries));
    Tag[] tags = {
        new Tag("desc", textDescription(description)),
        new Tag("cprt", text("No copyright, use freely")),
        new Tag("wtpt", xyz(D50)),
        new Tag("rXYZ", xyz(column(toXyz, 0))),
        new Tag("gXYZ", xyz(column(toXyz, 1))),
        new Tag("bXYZ", xyz(column(toXyz, 2))),
        new Tag("rTRC", curve), new Tag("gTRC", curve), new Tag("bTRC", curve)};
    int offset = 128 + 4 + 12 * tags.length;
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteBuffer table = ByteBuffer.allocate(4 + 12 * tags.length).putInt(tags.length);
    for (Tag tag : tags) {
      while (data.size() % 4 != 0) data.write(0);
      table.put(tag.signature.getBytes(StandardCharsets.US_ASCII)).putInt(offset + data.size()).putInt(tag.data.length);
      data.writeBytes(tag.data);
    }
    int size = offset + data.size();
    ByteBuffer header = ByteBuffer.allocate(128);
    header.putInt(size).put("none".getBytes(StandardCharsets.US_ASCII)).putInt(0x02100000)
        .put("mntr".getBytes(StandardCharsets.US_ASCII)).put("RGB ".getBytes(StandardCharsets.US_ASCII))
        .put("XYZ ".getBytes(StandardCharsets.US_ASCII));
    header.position(36).put("acsp".getBytes(StandardCharsets.US_ASCII));
    header.position(64).putInt(0); // perceptual intent (the same as relative colorimetric for a matrix profile)
    header.putInt(fixed(D50[0])).putInt(fixed(D50[1])).putInt(fixed(D50[2]));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(table.array());
    out.writeBytes(data.toByteArray());
    return out.toByteArray();
  }

  private record Tag(String signature, byte[] data) {}

  private static byte[] xyz(double[] v) {
    return ByteBuffer.allocate(20).put("XYZ ".getBytes(StandardCharsets.US_ASCII)).putInt(0)
        .putInt(fixed(v[0])).putInt(fixed(v[1])).putInt(fixed(v[2])).array();
  }

  private static byte[] gammaCurve(double gamma) {
    return ByteBuffer.allocate(14).put("curv".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(1)
        .putShort((short) Math.round(gamma * 256)).array();
  }

  private static byte[] srgbCurve() {
    int n = 1024;
    ByteBuffer b = ByteBuffer.allocate(12 + 2 * n).put("curv".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(n);
    for (int i = 0; i < n; i++) b.putShort((short) Math.round(srgbToLinear(i / (n - 1.0)) * 65535));
    return b.array();
  }

  /** The sRGB (and Display P3) tone curve: encoded 0..1 to linear 0..1. */
  public static double srgbToLinear(double v) {
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  private static byte[] textDescription(String text) {
    byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(12 + ascii.length + 4 + 4 + 2 + 1 + 67);
    b.put("desc".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(ascii.length).put(ascii);
    return b.array(); // the Unicode and ScriptCode parts stay empty (all zero)
  }

  private static byte[] text(String text) {
    byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(8 + ascii.length).put("text".getBytes(StandardCharsets.US_ASCII)).putInt(0).put(ascii).array();
  }

  private static int fixed(double v) {
    return (int) Math.round(v * 65536);
  }

  private static double[][] bradfordD65toD50() {
    double[][] bradford = {{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}};
    double[] source = multiply(bradford, D65);
    double[] target = multiply(bradford, D50);
    double[][] scale = {{target[0] / source[0], 0, 0}, {0, target[1] / source[1], 0}, {0, 0, target[2] / source[2]}};
    return multiply(inverse(bradford), multiply(scale, bradford));
  }

  private static double[] column(double[][] m, int c) {
    return new double[] {m[0][c], m[1][c], m[2][c]};
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] r = new double[3][3];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) r[i][j] += a[i][k] * b[k][j];
    return r;
  }

  private static double[] multiply(double[][] a, double[] v) {
    double[] r = new double[3];
    for (int i = 0; i < 3; i++) for (int k = 0; k < 3; k++) r[i] += a[i][k] * v[k];
    return r;
  }

  private static double[] solve(double[][] m, double[] v) {
    return multiply(inverse(m), v);
  }

  /** The inverse of a 3x3 matrix. */
  static double[][] inverse(double[][] m) {
    double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    double[][] r = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double[][] minor = new double[2][2];
        for (int a = 0, mi = 0; a < 3; a++) {
          if (a == j) continue;
          for (int b = 0, mj = 0; b < 3; b++) {
            if (b == i) continue;
            minor[mi][mj++] = m[a][b];
          }
          mi++;
        }
        double cofactor = minor[0][0] * minor[1][1] - minor[0][1] * minor[1][0];
        r[i][j] = ((i + j) % 2 == 0 ? 1 : -1) * cofactor / det;
      }
    }
    return r;
  }
}
