package frame.core.media.jpeg;

/**
 * The inverse DCT of a block, written either as its 8x8 pixels or already area-averaged by 2, 4
 * or 8 in either direction. Averaging the exact transform, rather than keeping only the lowest
 * frequencies, matters: truncation leaves a one-pixel stripe pattern as a strong moiré, where
 * averaging turns it into the even gray that a careful downscale gives. At 1/8 the average is
 * the DC coefficient alone, so no transform is needed at all.
 */
final class Idct {
  private static final float[] AAN = new float[8];

  static {
    AAN[0] = 1f;
    for (int k = 1; k < 8; k++) AAN[k] = (float) (Math.cos(k * Math.PI / 16) * Math.sqrt(2));
  }

  /** The scratch a caller provides: the 8x8 work area, then one row, then one row of pixels. */
  static final int SCRATCH = 80;
  private static final int ROW = 64;
  private static final int PIXELS = 72;

  private Idct() {}

  /** Multipliers that dequantise and apply the AAN scale factors (and the final 1/8) in one step. */
  static float[] multipliers(int[] quantisation) {
    float[] multipliers = new float[64];
    for (int v = 0; v < 8; v++) {
      for (int u = 0; u < 8; u++) multipliers[v * 8 + u] = quantisation[v * 8 + u] * AAN[v] * AAN[u] / 8f;
    }
    return multipliers;
  }

  /**
   * Writes the block averaged over {@code averageX} x {@code averageY} pixels: (8 / averageX) x
   * (8 / averageY) pixels at {@code offset}.
   */
  static void block(int[] coef, float[] mult, int averageX, int averageY, byte[] out, int offset, int stride, float[] ws) {
    if (averageX == 8 && averageY == 8) {
      out[offset] = pixel(coef[0] * mult[0]);
      return;
    }
    columns(coef, mult, ws);
    int width = 8 / averageX;
    float share = 1f / (averageX * averageY);
    for (int y = 0, first = 0; first < 8; y++, first += averageY) {
      for (int x = 0; x < 8; x++) {
        float sum = 0;
        for (int k = first; k < first + averageY; k++) sum += ws[k * 8 + x];
        ws[ROW + x] = sum;
      }
      rowTransform(ws, ROW, ws, PIXELS);
      int o = offset + y * stride;
      for (int x = 0; x < width; x++) {
        float sum = 0;
        for (int k = x * averageX; k < (x + 1) * averageX; k++) sum += ws[PIXELS + k];
        out[o + x] = pixel(sum * share);
      }
    }
  }

  /** A block with no AC coefficient is one flat value, whatever the scale. */
  static void flat(int dc, float[] mult, byte[] out, int offset, int stride, int width, int height) {
    byte value = pixel(dc * mult[0]);
    for (int y = 0; y < height; y++) java.util.Arrays.fill(out, offset + y * stride, offset + y * stride + width, value);
  }

  /** {@link #block} for the common 2 x 2, without its general loops. */
  static void half(int[] coef, float[] mult, byte[] out, int offset, int stride, float[] ws) {
    columns(coef, mult, ws);
    for (int row = 0; row < 4; row++) {
      int upper = 16 * row;
      for (int x = 0; x < 8; x++) ws[ROW + x] = ws[upper + x] + ws[upper + 8 + x];
      rowTransform(ws, ROW, ws, PIXELS);
      int o = offset + row * stride;
      out[o] = pixel(0.25f * (ws[PIXELS] + ws[PIXELS + 1]));
      out[o + 1] = pixel(0.25f * (ws[PIXELS + 2] + ws[PIXELS + 3]));
      out[o + 2] = pixel(0.25f * (ws[PIXELS + 4] + ws[PIXELS + 5]));
      out[o + 3] = pixel(0.25f * (ws[PIXELS + 6] + ws[PIXELS + 7]));
    }
  }

  /** The full 8x8 transform (Arai-Agui-Nakajima in float, as in the IJG's jidctflt.c). */
  static void full(int[] coef, float[] mult, byte[] out, int offset, int stride, float[] ws) {
    columns(coef, mult, ws);
    for (int row = 0; row < 8; row++) {
      rowTransform(ws, row * 8, ws, PIXELS);
      int o = offset + row * stride;
      for (int x = 0; x < 8; x++) out[o + x] = pixel(ws[PIXELS + x]);
    }
  }

  private static void columns(int[] coef, float[] mult, float[] ws) {
    for (int col = 0; col < 8; col++) {
      if ((coef[8 + col] | coef[16 + col] | coef[24 + col] | coef[32 + col]
          | coef[40 + col] | coef[48 + col] | coef[56 + col]) == 0) {
        float dc = coef[col] * mult[col];
        for (int row = 0; row < 64; row += 8) ws[row + col] = dc;
        continue;
      }
      float tmp0 = coef[col] * mult[col];
      float tmp1 = coef[16 + col] * mult[16 + col];
      float tmp2 = coef[32 + col] * mult[32 + col];
      float tmp3 = coef[48 + col] * mult[48 + col];
      float tmp10 = tmp0 + tmp2;
      float tmp11 = tmp0 - tmp2;
      float tmp13 = tmp1 + tmp3;
      float tmp12 = (tmp1 - tmp3) * 1.414213562f - tmp13;
      tmp0 = tmp10 + tmp13;
      tmp3 = tmp10 - tmp13;
      tmp1 = tmp11 + tmp12;
      tmp2 = tmp11 - tmp12;
      float tmp4 = coef[8 + col] * mult[8 + col];
      float tmp5 = coef[24 + col] * mult[24 + col];
      float tmp6 = coef[40 + col] * mult[40 + col];
      float tmp7 = coef[56 + col] * mult[56 + col];
      float z13 = tmp6 + tmp5;
      float z10 = tmp6 - tmp5;
      float z11 = tmp4 + tmp7;
      float z12 = tmp4 - tmp7;
      tmp7 = z11 + z13;
      tmp11 = (z11 - z13) * 1.414213562f;
      float z5 = (z10 + z12) * 1.847759065f;
      tmp10 = 1.082392200f * z12 - z5;
      tmp12 = -2.613125930f * z10 + z5;
      tmp6 = tmp12 - tmp7;
      tmp5 = tmp11 - tmp6;
      tmp4 = tmp10 + tmp5;
      ws[col] = tmp0 + tmp7;
      ws[56 + col] = tmp0 - tmp7;
      ws[8 + col] = tmp1 + tmp6;
      ws[48 + col] = tmp1 - tmp6;
      ws[16 + col] = tmp2 + tmp5;
      ws[40 + col] = tmp2 - tmp5;
      ws[32 + col] = tmp3 + tmp4;
      ws[24 + col] = tmp3 - tmp4;
    }
  }

  private static void rowTransform(float[] in, int at, float[] out, int to) {
    float tmp10 = in[at] + in[at + 4];
    float tmp11 = in[at] - in[at + 4];
    float tmp13 = in[at + 2] + in[at + 6];
    float tmp12 = (in[at + 2] - in[at + 6]) * 1.414213562f - tmp13;
    float tmp0 = tmp10 + tmp13;
    float tmp3 = tmp10 - tmp13;
    float tmp1 = tmp11 + tmp12;
    float tmp2 = tmp11 - tmp12;
    float z13 = in[at + 5] + in[at + 3];
    float z10 = in[at + 5] - in[at + 3];
    float z11 = in[at + 1] + in[at + 7];
    float z12 = in[at + 1] - in[at + 7];
    float tmp7 = z11 + z13;
    tmp11 = (z11 - z13) * 1.414213562f;
    float z5 = (z10 + z12) * 1.847759065f;
    tmp10 = 1.082392200f * z12 - z5;
    tmp12 = -2.613125930f * z10 + z5;
    float tmp6 = tmp12 - tmp7;
    float tmp5 = tmp11 - tmp6;
    float tmp4 = tmp10 + tmp5;
    out[to] = tmp0 + tmp7;
    out[to + 7] = tmp0 - tmp7;
    out[to + 1] = tmp1 + tmp6;
    out[to + 6] = tmp1 - tmp6;
    out[to + 2] = tmp2 + tmp5;
    out[to + 5] = tmp2 - tmp5;
    out[to + 4] = tmp3 + tmp4;
    out[to + 3] = tmp3 - tmp4;
  }

  private static byte pixel(float value) {
    // rounds half up; anything that truncates towards zero here is clamped to 0 anyway
    int v = (int) (value + 128.5f);
    return (byte) (v < 0 ? 0 : Math.min(v, 255));
  }
}
