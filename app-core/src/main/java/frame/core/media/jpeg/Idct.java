package frame.core.media.jpeg;

/**
 * Inverse DCTs that write an N x N block of pixels from a block's coefficients, N = 8, 4, 2 or 1.
 * A smaller N uses only the N x N lowest frequencies: the picture scaled down in the frequency
 * domain, which is a proper low-pass filter, not dropped pixels.
 */
final class Idct {
  private static final float[] AAN = new float[8];
  private static final float[][] BASIS = new float[9][];

  static {
    AAN[0] = 1f;
    for (int k = 1; k < 8; k++) AAN[k] = (float) (Math.cos(k * Math.PI / 16) * Math.sqrt(2));
    for (int n : new int[] {1, 2, 4, 8}) {
      float[] basis = new float[n * n];
      for (int x = 0; x < n; x++) {
        for (int u = 0; u < n; u++) {
          double c = u == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
          basis[x * n + u] = (float) (c * Math.cos((2 * x + 1) * u * Math.PI / (2 * n)));
        }
      }
      BASIS[n] = basis;
    }
  }

  private Idct() {}

  /**
   * Multipliers for a quantisation table (natural order) that dequantise and scale in one step
   * for an N-point transform: the AAN factors for N = 8, and N / 8 for the smaller ones.
   */
  static float[] multipliers(int[] quantisation, int n) {
    float[] multipliers = new float[64];
    for (int v = 0; v < 8; v++) {
      for (int u = 0; u < 8; u++) {
        int i = v * 8 + u;
        multipliers[i] = n == 8 ? quantisation[i] * AAN[v] * AAN[u] / 8f : quantisation[i] * (n / 8f);
      }
    }
    return multipliers;
  }

  static void block(int n, int[] coef, float[] mult, byte[] out, int offset, int stride, float[] work) {
    if (n == 8) aan8(coef, mult, out, offset, stride, work);
    else if (n == 4) four(coef, mult, out, offset, stride, work);
    else reduced(n, coef, mult, out, offset, stride, work);
  }

  private static final float C1 = 0.6532815f; // sqrt(1/2) cos(pi/8)
  private static final float C3 = 0.2705981f; // sqrt(1/2) cos(3pi/8)

  /** The 4-point transform split into even and odd halves: the half-size decode's hot loop. */
  static void four(int[] coef, float[] mult, byte[] out, int offset, int stride, float[] ws) {
    for (int col = 0; col < 4; col++) {
      float g0 = coef[col] * mult[col];
      if ((coef[8 + col] | coef[16 + col] | coef[24 + col]) == 0) {
        float dc = 0.5f * g0;
        ws[col] = dc;
        ws[8 + col] = dc;
        ws[16 + col] = dc;
        ws[24 + col] = dc;
        continue;
      }
      float g1 = coef[8 + col] * mult[8 + col];
      float g2 = coef[16 + col] * mult[16 + col];
      float g3 = coef[24 + col] * mult[24 + col];
      float e0 = 0.5f * (g0 + g2);
      float e1 = 0.5f * (g0 - g2);
      float o0 = C1 * g1 + C3 * g3;
      float o1 = C3 * g1 - C1 * g3;
      ws[col] = e0 + o0;
      ws[8 + col] = e1 + o1;
      ws[16 + col] = e1 - o1;
      ws[24 + col] = e0 - o0;
    }
    for (int row = 0; row < 32; row += 8) {
      float e0 = 0.5f * (ws[row] + ws[row + 2]);
      float e1 = 0.5f * (ws[row] - ws[row + 2]);
      float o0 = C1 * ws[row + 1] + C3 * ws[row + 3];
      float o1 = C3 * ws[row + 1] - C1 * ws[row + 3];
      int o = offset + (row >> 3) * stride;
      out[o] = pixel(e0 + o0);
      out[o + 1] = pixel(e1 + o1);
      out[o + 2] = pixel(e1 - o1);
      out[o + 3] = pixel(e0 - o0);
    }
  }

  /** The reference transform, any N, straight from the definition. */
  static void reduced(int n, int[] coef, float[] mult, byte[] out, int offset, int stride, float[] work) {
    float[] basis = BASIS[n];
    for (int v = 0; v < n; v++) {
      for (int x = 0; x < n; x++) {
        float sum = 0;
        for (int u = 0; u < n; u++) sum += basis[x * n + u] * coef[v * 8 + u] * mult[v * 8 + u];
        work[v * 8 + x] = sum;
      }
    }
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        float sum = 0;
        for (int v = 0; v < n; v++) sum += basis[y * n + v] * work[v * 8 + x];
        out[offset + y * stride + x] = pixel(sum);
      }
    }
  }

  /** Arai-Agui-Nakajima float IDCT, as in the IJG's jidctflt.c; the 1/8 is in the multipliers. */
  static void aan8(int[] coef, float[] mult, byte[] out, int offset, int stride, float[] ws) {
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
    for (int row = 0; row < 64; row += 8) {
      float tmp10 = ws[row] + ws[row + 4];
      float tmp11 = ws[row] - ws[row + 4];
      float tmp13 = ws[row + 2] + ws[row + 6];
      float tmp12 = (ws[row + 2] - ws[row + 6]) * 1.414213562f - tmp13;
      float tmp0 = tmp10 + tmp13;
      float tmp3 = tmp10 - tmp13;
      float tmp1 = tmp11 + tmp12;
      float tmp2 = tmp11 - tmp12;
      float z13 = ws[row + 5] + ws[row + 3];
      float z10 = ws[row + 5] - ws[row + 3];
      float z11 = ws[row + 1] + ws[row + 7];
      float z12 = ws[row + 1] - ws[row + 7];
      float tmp7 = z11 + z13;
      tmp11 = (z11 - z13) * 1.414213562f;
      float z5 = (z10 + z12) * 1.847759065f;
      tmp10 = 1.082392200f * z12 - z5;
      tmp12 = -2.613125930f * z10 + z5;
      float tmp6 = tmp12 - tmp7;
      float tmp5 = tmp11 - tmp6;
      float tmp4 = tmp10 + tmp5;
      int o = offset + (row >> 3) * stride;
      out[o] = pixel(tmp0 + tmp7);
      out[o + 7] = pixel(tmp0 - tmp7);
      out[o + 1] = pixel(tmp1 + tmp6);
      out[o + 6] = pixel(tmp1 - tmp6);
      out[o + 2] = pixel(tmp2 + tmp5);
      out[o + 5] = pixel(tmp2 - tmp5);
      out[o + 4] = pixel(tmp3 + tmp4);
      out[o + 3] = pixel(tmp3 - tmp4);
    }
  }

  private static byte pixel(float value) {
    int v = Math.round(value) + 128;
    return (byte) (v < 0 ? 0 : Math.min(v, 255));
  }
}
