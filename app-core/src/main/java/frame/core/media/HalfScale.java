package frame.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Halves a picture exactly: each output pixel the mean of a 2x2 block (a last odd row or column
 * is dropped). That is the area average for a factor of two, done in one pass over the ints.
 */
final class HalfScale {
  private HalfScale() {}

  static BufferedImage of(BufferedImage source) {
    int width = source.getWidth() / 2;
    int height = source.getHeight() / 2;
    BufferedImage half = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) half.getRaster().getDataBuffer()).getData();
    int[] upper = new int[width * 2];
    int[] lower = new int[width * 2];
    for (int y = 0; y < height; y++) {
      row(source, 2 * y, upper);
      row(source, 2 * y + 1, lower);
      for (int x = 0; x < width; x++) {
        int a = upper[2 * x];
        int b = upper[2 * x + 1];
        int c = lower[2 * x];
        int d = lower[2 * x + 1];
        int r = ((a >> 16 & 0xFF) + (b >> 16 & 0xFF) + (c >> 16 & 0xFF) + (d >> 16 & 0xFF) + 2) >> 2;
        int g = ((a >> 8 & 0xFF) + (b >> 8 & 0xFF) + (c >> 8 & 0xFF) + (d >> 8 & 0xFF) + 2) >> 2;
        int bl = ((a & 0xFF) + (b & 0xFF) + (c & 0xFF) + (d & 0xFF) + 2) >> 2;
        out[y * width + x] = (r << 16) | (g << 8) | bl;
      }
    }
    return half;
  }

  /** A row's pixels as 0xRRGGBB; copied straight from the raster when it already holds those. */
  private static void row(BufferedImage source, int y, int[] into) {
    if (source.getType() == BufferedImage.TYPE_INT_RGB) source.getRaster().getDataElements(0, y, into.length, 1, into);
    else source.getRGB(0, y, into.length, 1, into, 0, into.length);
  }
}
