package frame.core.media.color;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** The ICC profile a JPEG carries (APP2 "ICC_PROFILE" chunks, in order), and whether it is sRGB. */
public final class IccProfiles {
  private static final byte[] SIGNATURE = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** sRGB's primaries adapted to D50, as every sRGB profile stores them (rXYZ, gXYZ, bXYZ). */
  private static final double[][] SRGB_COLORANTS = {{0.4361, 0.2225, 0.0139}, {0.3851, 0.7169, 0.0971},
      {0.1431, 0.0606, 0.7141}};
  private static final double COLORANT_TOLERANCE = 0.003;

  private IccProfiles() {}

  /** The profile assembled from its chunks; empty when there is none or the chunks do not add up. */
  public static Optional<byte[]> ofJpeg(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) return Optional.empty();
    byte[][] chunks = null;
    int position = 2;
    while (position + 4 <= jpeg.length) {
      if ((jpeg[position] & 0xFF) != 0xFF) return Optional.empty();
      int marker = jpeg[position + 1] & 0xFF;
      if (marker == 0xFF) {
        position++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) break; // profiles come before the first scan
      int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
      int body = position + 4;
      int end = position + 2 + length;
      if (length < 2 || end > jpeg.length) return Optional.empty();
      if (marker == 0xE2 && end - body > SIGNATURE.length + 2 && startsWith(jpeg, body, SIGNATURE)) {
        int sequence = jpeg[body + SIGNATURE.length] & 0xFF;
        int count = jpeg[body + SIGNATURE.length + 1] & 0xFF;
        if (chunks == null) chunks = new byte[Math.max(1, count)][];
        if (sequence < 1 || sequence > chunks.length) return Optional.empty();
        int from = body + SIGNATURE.length + 2;
        chunks[sequence - 1] = java.util.Arrays.copyOfRange(jpeg, from, end);
      }
      position = end;
    }
    if (chunks == null) return Optional.empty();
    ByteArrayOutputStream profile = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      if (chunk == null) return Optional.empty();
      profile.writeBytes(chunk);
    }
    return profile.size() >= 132 ? Optional.of(profile.toByteArray()) : Optional.empty();
  }

  /**
   * True for an RGB display profile with sRGB's primaries and tone curves (within a level): its
   * pixels are sRGB already and need no conversion. An "sRGB" profile with another curve (a
   * plain 2.2 gamma, say) is converted like any other, since colour-managed viewers honour it.
   */
  public static boolean isSrgb(byte[] profile) {
    if (profile.length < 132 || !tag(profile, 16, "RGB ")) return false;
    int count = u32(profile, 128);
    double[][] found = new double[3][];
    boolean[] curves = new boolean[3];
    for (int i = 0; i < count && 132 + 12 * i + 12 <= profile.length; i++) {
      int entry = 132 + 12 * i;
      int offset = u32(profile, entry + 4);
      int size = u32(profile, entry + 8);
      if (offset < 0 || size < 0 || offset + size > profile.length || size < 12) continue;
      int colorant = tag(profile, entry, "rXYZ") ? 0 : tag(profile, entry, "gXYZ") ? 1 : tag(profile, entry, "bXYZ") ? 2 : -1;
      if (colorant >= 0 && size >= 20 && tag(profile, offset, "XYZ ")) {
        found[colorant] = new double[] {fixed(profile, offset + 8), fixed(profile, offset + 12), fixed(profile, offset + 16)};
      }
      int curve = tag(profile, entry, "rTRC") ? 0 : tag(profile, entry, "gTRC") ? 1 : tag(profile, entry, "bTRC") ? 2 : -1;
      if (curve >= 0) curves[curve] = isSrgbCurve(profile, offset, size);
    }
    for (int c = 0; c < 3; c++) {
      if (found[c] == null || !curves[c]) return false;
      for (int k = 0; k < 3; k++) if (Math.abs(found[c][k] - SRGB_COLORANTS[c][k]) > COLORANT_TOLERANCE) return false;
    }
    return true;
  }

  /** A 'curv' or 'para' tone curve within one level of sRGB's everywhere (checked at 64 points). */
  private static boolean isSrgbCurve(byte[] profile, int offset, int size) {
    for (int i = 0; i <= 64; i++) {
      double x = i / 64.0;
      double y = curveAt(profile, offset, size, x);
      if (Double.isNaN(y) || Math.abs(y - RgbProfiles.srgbToLinear(x)) * 255 > 1.0) return false;
    }
    return true;
  }

  /** The curve's linear value at encoded {@code x}; NaN for a form not read here. */
  private static double curveAt(byte[] p, int offset, int size, double x) {
    if (tag(p, offset, "curv")) {
      int n = u32(p, offset + 8);
      if (n == 0) return x;
      if (n == 1) return Math.pow(x, u16(p, offset + 12) / 256.0);
      if (n < 0 || 12 + 2L * n > size) return Double.NaN;
      double at = x * (n - 1);
      int i = Math.min(n - 2, (int) at);
      double a = u16(p, offset + 12 + 2 * i) / 65535.0;
      double b = u16(p, offset + 14 + 2 * i) / 65535.0;
      return a + (b - a) * (at - i);
    }
    if (tag(p, offset, "para")) {
      int type = ((p[offset + 8] & 0xFF) << 8) | (p[offset + 9] & 0xFF);
      int[] counts = {1, 3, 4, 5, 7};
      if (type > 4 || 12 + 4 * counts[type] > size) return Double.NaN;
      double[] g = new double[7];
      for (int k = 0; k < counts[type]; k++) g[k] = fixed(p, offset + 12 + 4 * k);
      return switch (type) {
        case 0 -> Math.pow(x, g[0]);
        case 1 -> x >= -g[2] / g[1] ? Math.pow(g[1] * x + g[2], g[0]) : 0;
        case 2 -> x >= -g[2] / g[1] ? Math.pow(g[1] * x + g[2], g[0]) + g[3] : g[3];
        case 3 -> x >= g[4] ? Math.pow(g[1] * x + g[2], g[0]) : g[3] * x;
        default -> x >= g[4] ? Math.pow(g[1] * x + g[2], g[0]) + g[5] : g[3] * x + g[6];
      };
    }
    return Double.NaN;
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  private static boolean startsWith(byte[] data, int position, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) if (data[position + i] != prefix[i]) return false;
    return true;
  }

  private static boolean tag(byte[] profile, int position, String signature) {
    for (int i = 0; i < 4; i++) if (profile[position + i] != signature.charAt(i)) return false;
    return true;
  }

  private static int u32(byte[] b, int p) {
    return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
  }

  /** s15Fixed16 (u32 is a signed int already). */
  private static double fixed(byte[] b, int p) {
    return u32(b, p) / 65536.0;
  }
}
