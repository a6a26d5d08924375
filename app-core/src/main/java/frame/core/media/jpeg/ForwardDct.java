package frame.core.media.jpeg;

/** The Arai-Agui-Nakajima float forward DCT (the IJG's jfdctflt.c) with quantisation folded in. */
final class ForwardDct {
  private static final float[] AAN = new float[8];

  static {
    AAN[0] = 1f;
    for (int k = 1; k < 8; k++) AAN[k] = (float) (Math.cos(k * Math.PI / 16) * Math.sqrt(2));
  }

  private ForwardDct() {}

  /** What each transformed coefficient is multiplied by to quantise it (natural order). */
  static float[] divisors(int[] quantisation) {
    float[] divisors = new float[64];
    for (int v = 0; v < 8; v++) {
      for (int u = 0; u < 8; u++) divisors[v * 8 + u] = 1f / (quantisation[v * 8 + u] * AAN[v] * AAN[u] * 8f);
    }
    return divisors;
  }

  /**
   * Transforms the 8x8 samples (centred on zero) in {@code block} and writes the quantised
   * coefficients in natural (row by row) order to {@code out} at {@code offset}.
   */
  static void quantised(float[] block, float[] divisors, short[] out, int offset) {
    for (int row = 0; row < 64; row += 8) pass(block, row, 1);
    for (int col = 0; col < 8; col++) pass(block, col, 8);
    for (int i = 0; i < 64; i++) out[offset + i] = (short) ((int) (block[i] * divisors[i] + 16384.5f) - 16384);
  }

  private static void pass(float[] d, int at, int step) {
    int i0 = at;
    int i1 = at + step;
    int i2 = at + 2 * step;
    int i3 = at + 3 * step;
    int i4 = at + 4 * step;
    int i5 = at + 5 * step;
    int i6 = at + 6 * step;
    int i7 = at + 7 * step;
    float tmp0 = d[i0] + d[i7];
    float tmp7 = d[i0] - d[i7];
    float tmp1 = d[i1] + d[i6];
    float tmp6 = d[i1] - d[i6];
    float tmp2 = d[i2] + d[i5];
    float tmp5 = d[i2] - d[i5];
    float tmp3 = d[i3] + d[i4];
    float tmp4 = d[i3] - d[i4];
    float tmp10 = tmp0 + tmp3;
    float tmp13 = tmp0 - tmp3;
    float tmp11 = tmp1 + tmp2;
    float tmp12 = tmp1 - tmp2;
    d[i0] = tmp10 + tmp11;
    d[i4] = tmp10 - tmp11;
    float z1 = (tmp12 + tmp13) * 0.707106781f;
    d[i2] = tmp13 + z1;
    d[i6] = tmp13 - z1;
    tmp10 = tmp4 + tmp5;
    tmp11 = tmp5 + tmp6;
    tmp12 = tmp6 + tmp7;
    float z5 = (tmp10 - tmp12) * 0.382683433f;
    float z2 = 0.541196100f * tmp10 + z5;
    float z4 = 1.306562965f * tmp12 + z5;
    float z3 = tmp11 * 0.707106781f;
    float z11 = tmp7 + z3;
    float z13 = tmp7 - z3;
    d[i5] = z13 + z2;
    d[i3] = z13 - z2;
    d[i1] = z11 + z4;
    d[i7] = z11 - z4;
  }
}
