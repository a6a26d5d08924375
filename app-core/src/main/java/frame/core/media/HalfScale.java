package frame.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Halves a picture exactly: each output pixel the mean of a 2x2 block (a last odd row or column
 * is dropped). That is the area average for a factor of two, done in one pass over the ints,
 * read where they are (a centre square is a view into the working image's array: no row copies).
 */
final class HalfScale {
  private HalfScale() {}

  static BufferedImage of(BufferedImage source) {
    int width = source.getWidth() / 2;
    int height = source.getHeight() / 2;
    BufferedImage half = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) half.getRaster().getDataBuffer()).getData();
    // two row sources: a row read through getRGB stays valid only until that source's next row
    AreaScale.SourceRows upperRows = AreaScale.SourceRows.of(source);
    AreaScale.SourceRows lowerRows = AreaScale.SourceRows.of(source);
    for (int y = 0; y < height; y++) {
      int[] upper = upperRows.data(2 * y);
      int u = upperRows.offset(2 * y);
      int[] lower = lowerRows.data(2 * y + 1);
      int l = lowerRows.offset(2 * y + 1);
      for (int x = 0; x < width; x++) {
        int a = upper[u + 2 * x];
        int b = upper[u + 2 * x + 1];
        int c = lower[l + 2 * x];
        int d = lower[l + 2 * x + 1];
        int r = ((a >> 16 & 0xFF) + (b >> 16 & 0xFF) + (c >> 16 & 0xFF) + (d >> 16 & 0xFF) + 2) >> 2;
        int g = ((a >> 8 & 0xFF) + (b >> 8 & 0xFF) + (c >> 8 & 0xFF) + (d >> 8 & 0xFF) + 2) >> 2;
        int bl = ((a & 0xFF) + (b & 0xFF) + (c & 0xFF) + (d & 0xFF) + 2) >> 2;
        out[y * width + x] = (r << 16) | (g << 8) | bl;
      }
    }
    return half;
  }
}
