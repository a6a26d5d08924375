package frame.core.media.jpeg;

/** The order JPEG stores a block's 64 coefficients in: natural index of the k-th. */
final class Zigzag {
  static final int[] NATURAL = {
      0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
      28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
      54, 47, 55, 62, 63};

  /** The zigzag position of each natural index: the inverse of {@link #NATURAL}. */
  static final int[] ZIGZAG = inverse(NATURAL);

  private Zigzag() {}

  private static int[] inverse(int[] order) {
    int[] inverse = new int[order.length];
    for (int k = 0; k < order.length; k++) inverse[order[k]] = k;
    return inverse;
  }
}
