package frame.core.media.color;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ICC_ProfileRGB;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * The fast form of a matrix-and-curves profile's conversion to sRGB, which is what almost every
 * camera and phone profile is (Adobe RGB, Display P3, a camera's own RGB): each channel's tone
 * curve and primary add up, so linear sRGB is the sum of three looked-up contributions, then
 * sRGB's curve from a fine table. About a tenth of the cost of interpolating in a 3D table. The
 * contributions come from the JDK's colour engine itself (each channel's ramp to XYZ), and
 * before they are used the engine's XYZ for mixed colours is checked to be their sum: a profile
 * for which it is not (a LUT-based one) is left to the 3D table. The sums follow the spaces'
 * published matrices more closely than the engine's own 16-bit pipeline, which resamples.
 */
final class ChannelSums {
  private static final int ENCODE_STEPS = 16384;
  /** Mixed colours checked for additivity: a 9x9x9 grid. */
  private static final int STEPS = 9;
  private static final int GREY = 128;
  /** Agreement: the engine's own rounding (about a level at black, less above) plus a small share; a table-based profile is off by more. */
  private static final double XYZ_AGREEMENT = 12.0 / 32768;
  private static final double XYZ_SHARE = 0.004;

  /** For each channel, for each 8-bit value: its contribution to linear sRGB r, g, b, in steps of the encode table. */
  private final int[][] contributions;
  /** Levels as bytes (read unsigned): 16 KB, so the table stays in the first-level cache beside the contributions. */
  private final byte[] encode;

  private ChannelSums(int[][] contributions, byte[] encode) {
    this.contributions = contributions;
    this.encode = encode;
  }

  /** The sums for {@code source}, or null when its conversion is not one (a LUT-based profile) or the engine refuses it. */
  static ChannelSums of(ColorSpace source) {
    try {
      Channels channels = Channels.of(source);
      if (!additive(source, channels)) return null;
      return new ChannelSums(contributions(channels), encodeTable());
    } catch (RuntimeException e) {
      return null; // the engine cannot take this profile to XYZ
    }
  }

  /** What each channel at each level adds to black's XYZ: xyz[channel][level * 3 + X/Y/Z]. */
  private record Channels(double[] black, double[][] xyz) {
    /**
     * Each channel's ramp is measured over mid grey in the other two and the grey taken off: a
     * wide-gamut primary alone can lie outside XYZ's positive range (Display P3's red has a
     * slightly negative Z), where the engine's output would clip.
     */
    static Channels of(ColorSpace source) {
      int[][] pixels = new int[3 * 257 + 1][];
      for (int c = 0; c < 3; c++) {
        for (int v = 0; v < 256; v++) pixels[c * 257 + v] = overGrey(c, v);
        pixels[c * 257 + 256] = overGrey(c, 0);
      }
      pixels[3 * 257] = new int[3];
      double[][] measured = ChannelSums.xyz(source, pixels);
      double[][] xyz = new double[3][256 * 3];
      for (int c = 0; c < 3; c++) {
        double[] base = measured[c * 257 + 256];
        for (int v = 0; v < 256; v++) for (int k = 0; k < 3; k++) xyz[c][v * 3 + k] = measured[c * 257 + v][k] - base[k];
      }
      return new Channels(measured[3 * 257], xyz);
    }

    private static int[] overGrey(int channel, int value) {
      int[] pixel = {GREY, GREY, GREY};
      pixel[channel] = value;
      return pixel;
    }

    double sum(int r, int g, int b, int k) {
      return black[k] + xyz[0][r * 3 + k] + xyz[1][g * 3 + k] + xyz[2][b * 3 + k];
    }
  }

  /** Linear sRGB contributions, in steps of the encode table; red's carries black's. */
  private static int[][] contributions(Channels channels) {
    double[][] toLinearSrgb = srgbFromXyz();
    int[][] contributions = new int[3][256 * 3];
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < 256; v++) {
        for (int j = 0; j < 3; j++) {
          double linear = 0;
          for (int k = 0; k < 3; k++) linear += toLinearSrgb[j][k] * (channels.xyz()[c][v * 3 + k] + (c == 0 ? channels.black()[k] : 0));
          contributions[c][v * 3 + j] = (int) Math.round(linear * ENCODE_STEPS);
        }
      }
    }
    return contributions;
  }

  /**
   * The engine's XYZ for mixed colours equals the sum of the channels' (within its rounding):
   * true of every matrix-and-curves profile, false of a table-based one. Colours whose XYZ lies
   * outside the positive range are skipped, since the engine clips them.
   */
  private static boolean additive(ColorSpace source, Channels channels) {
    int[][] mixed = new int[STEPS * STEPS * STEPS][];
    int i = 0;
    for (int r = 0; r < STEPS; r++) {
      for (int g = 0; g < STEPS; g++) {
        for (int b = 0; b < STEPS; b++) mixed[i++] = new int[] {r * 255 / (STEPS - 1), g * 255 / (STEPS - 1), b * 255 / (STEPS - 1)};
      }
    }
    double[][] engine = xyz(source, mixed);
    for (int p = 0; p < mixed.length; p++) {
      double[] sums = new double[3];
      for (int k = 0; k < 3; k++) sums[k] = channels.sum(mixed[p][0], mixed[p][1], mixed[p][2], k);
      if (Math.min(sums[0], Math.min(sums[1], sums[2])) < XYZ_AGREEMENT) continue;
      for (int k = 0; k < 3; k++) if (Math.abs(sums[k] - engine[p][k]) > XYZ_AGREEMENT + XYZ_SHARE * engine[p][k]) return false;
    }
    return true;
  }

  /** The engine's XYZ (D50, 1.0 = white's Y) for 8-bit pixels. */
  private static double[][] xyz(ColorSpace source, int[][] pixels) {
    WritableRaster in = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, pixels.length, 1, 3, null);
    for (int p = 0; p < pixels.length; p++) {
      in.setPixel(p, 0, new int[] {pixels[p][0] * 257, pixels[p][1] * 257, pixels[p][2] * 257});
    }
    WritableRaster out = in.createCompatibleWritableRaster();
    new ColorConvertOp(source, ColorSpace.getInstance(ColorSpace.CS_CIEXYZ), null).filter(in, out);
    double[][] xyz = new double[pixels.length][3];
    // the engine writes XYZ in the ICC's 16-bit PCS encoding: 1.0 is 0x8000
    for (int p = 0; p < pixels.length; p++) for (int k = 0; k < 3; k++) xyz[p][k] = out.getSample(p, 0, k) / 32768.0;
    return xyz;
  }

  /** The inverse of the engine's own sRGB profile matrix (linear sRGB to D50 XYZ). */
  private static double[][] srgbFromXyz() {
    float[][] m = ((ICC_ProfileRGB) ICC_Profile.getInstance(ColorSpace.CS_sRGB)).getMatrix();
    double[][] matrix = new double[3][3];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) matrix[i][j] = m[i][j];
    return RgbProfiles.inverse(matrix);
  }

  /** sRGB's curve: a linear value in steps of 1/16384 to its 8-bit level. */
  private static byte[] encodeTable() {
    byte[] table = new byte[ENCODE_STEPS + 1];
    for (int i = 0; i <= ENCODE_STEPS; i++) {
      double linear = (double) i / ENCODE_STEPS;
      double encoded = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
      table[i] = (byte) Math.round(encoded * 255);
    }
    return table;
  }

  private int encode(int linearSteps) {
    return encode[Math.clamp(linearSteps, 0, ENCODE_STEPS)] & 0xFF;
  }

  /** {@code count} 0xRRGGBB pixels from {@code from} converted where they are. */
  void convert(int[] pixels, int from, int count) {
    int[] red = contributions[0];
    int[] green = contributions[1];
    int[] blue = contributions[2];
    for (int i = from, end = from + count; i < end; i++) {
      int p = pixels[i];
      int r = ((p >> 16) & 0xFF) * 3;
      int g = ((p >> 8) & 0xFF) * 3;
      int b = (p & 0xFF) * 3;
      int outR = encode(red[r] + green[g] + blue[b]);
      int outG = encode(red[r + 1] + green[g + 1] + blue[b + 1]);
      int outB = encode(red[r + 2] + green[g + 2] + blue[b + 2]);
      pixels[i] = (outR << 16) | (outG << 8) | outB;
    }
  }
}
