package frame.core.media.jpeg;

/**
 * Brings a subsampled plane to twice its width and/or height with a triangle filter (each new
 * pixel 3/4 of its nearer and 1/4 of its farther neighbour, libjpeg's "fancy" upsampling), so
 * colour edges are smooth rather than stepped.
 */
final class ChromaUpsampler {
  private ChromaUpsampler() {}

  static byte[] upsample(byte[] plane, int width, int height, boolean twiceWide, boolean twiceHigh) {
    byte[] wide = twiceWide ? doubleWidth(plane, width, height) : plane;
    int wideWidth = twiceWide ? width * 2 : width;
    return twiceHigh ? doubleHeight(wide, wideWidth, height) : wide;
  }

  private static byte[] doubleWidth(byte[] in, int width, int height) {
    byte[] out = new byte[width * 2 * height];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      int outRow = y * width * 2;
      for (int x = 0; x < width; x++) {
        int here = 3 * (in[row + x] & 0xFF);
        int left = in[row + Math.max(x - 1, 0)] & 0xFF;
        int right = in[row + Math.min(x + 1, width - 1)] & 0xFF;
        out[outRow + 2 * x] = (byte) ((here + left + 2) >> 2);
        out[outRow + 2 * x + 1] = (byte) ((here + right + 2) >> 2);
      }
    }
    return out;
  }

  private static byte[] doubleHeight(byte[] in, int width, int height) {
    byte[] out = new byte[width * height * 2];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      int above = Math.max(y - 1, 0) * width;
      int below = Math.min(y + 1, height - 1) * width;
      int upper = 2 * y * width;
      int lower = upper + width;
      for (int x = 0; x < width; x++) {
        int here = 3 * (in[row + x] & 0xFF);
        out[upper + x] = (byte) ((here + (in[above + x] & 0xFF) + 2) >> 2);
        out[lower + x] = (byte) ((here + (in[below + x] & 0xFF) + 2) >> 2);
      }
    }
    return out;
  }
}
