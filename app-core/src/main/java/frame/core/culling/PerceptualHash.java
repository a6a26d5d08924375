package frame.core.culling;

import java.awt.image.BufferedImage;

/**
 * A 64-bit difference hash (dHash): the picture shrunk to 9 x 8 grey cells, one bit per pair of
 * neighbours saying whether the left is brighter. Re-encoding, resizing, a small shift or a little
 * blur change few bits; another picture changes about half. Compared by Hamming distance.
 */
public final class PerceptualHash {
  /**
   * The longest side the preview is read at: the sharpness's, so that one decode serves both
   * measures. 9 x 8 cells would need far less, but a JPEG's decode costs about the same at any of
   * its scales (reading the coded data is most of it).
   */
  public static final int MEASURED_AT = Sharpness.MEASURED_AT;

  private PerceptualHash() {}

  public static long of(BufferedImage image) {
    double[][] grey = Greys.areaAverage(image, 9, 8);
    long hash = 0;
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        hash = (hash << 1) | (grey[y][x] > grey[y][x + 1] ? 1 : 0);
      }
    }
    return hash;
  }

  /** How many of the 64 bits differ: 0 for the same picture, about 32 for unrelated ones. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
