package frame.core.culling;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/** Grey levels (Rec. 601 luma, 0-255) of a picture, whole or averaged over a coarse grid. */
final class Greys {
  private Greys() {}

  static double[][] of(BufferedImage image) {
    double[][] grey = new double[image.getHeight()][image.getWidth()];
    Reader reader = reader(image);
    for (int y = 0; y < grey.length; y++) reader.row(y, grey[y]);
    return grey;
  }

  /** Reads a picture's grey levels a row at a time (a measure that needs only a few rows at once). */
  static Reader reader(BufferedImage image) {
    return new Reader(Rows.of(image), image.getWidth());
  }

  static final class Reader {
    private final Rows rows;
    private final int width;

    private Reader(Rows rows, int width) {
      this.rows = rows;
      this.width = width;
    }

    /** Row {@code y}'s grey levels into {@code grey} (at least the picture's width); answers it. */
    double[] row(int y, double[] grey) {
      int[] row = rows.row(y);
      int at = rows.offset(y);
      for (int x = 0; x < width; x++) grey[x] = luma(row[at + x]);
      return grey;
    }
  }

  /** The mean grey of each of {@code cols} x {@code rows} cells covering the picture. */
  static double[][] areaAverage(BufferedImage image, int cols, int rows) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] cellOfX = new int[w];
    long[] widthOf = new long[cols];
    long[] heightOf = new long[rows];
    for (int x = 0; x < w; x++) {
      cellOfX[x] = Math.min(cols - 1, x * cols / w);
      widthOf[cellOfX[x]]++;
    }
    // channel sums a cell, the luma taken once a cell (it is linear): no arithmetic in doubles a pixel
    long[][] red = new long[rows][cols];
    long[][] green = new long[rows][cols];
    long[][] blue = new long[rows][cols];
    Rows source = Rows.of(image);
    for (int y = 0; y < h; y++) {
      int[] row = source.row(y);
      int at = source.offset(y);
      int cy = Math.min(rows - 1, y * rows / h);
      long[] r = red[cy];
      long[] g = green[cy];
      long[] b = blue[cy];
      for (int x = 0; x < w; x++) {
        int rgb = row[at + x];
        int cx = cellOfX[x];
        r[cx] += (rgb >> 16) & 0xff;
        g[cx] += (rgb >> 8) & 0xff;
        b[cx] += rgb & 0xff;
      }
      heightOf[cy]++;
    }
    double[][] mean = new double[rows][cols];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        long n = heightOf[y] * widthOf[x];
        mean[y][x] = n == 0 ? 0 : (0.299 * red[y][x] + 0.587 * green[y][x] + 0.114 * blue[y][x]) / n;
      }
    }
    return mean;
  }

  private static double luma(int rgb) {
    return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
  }

  /**
   * A picture's rows as 0xRRGGBB ints: read where they are for a decoded preview (TYPE_INT_RGB),
   * else copied a row at a time through getRGB, which converts pixel by pixel.
   */
  private record Rows(BufferedImage image, int[] data, int stride, int origin, boolean copied) {
    static Rows of(BufferedImage image) {
      if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getSampleModel() instanceof SinglePixelPackedSampleModel model
          && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer) {
        int stride = model.getScanlineStride();
        int origin = -image.getRaster().getSampleModelTranslateY() * stride - image.getRaster().getSampleModelTranslateX();
        return new Rows(image, buffer.getData(), stride, origin, false);
      }
      return new Rows(image, new int[image.getWidth()], 0, 0, true);
    }

    int[] row(int y) {
      if (copied) image.getRGB(0, y, data.length, 1, data, 0, data.length);
      return data;
    }

    int offset(int y) {
      return copied ? 0 : origin + y * stride;
    }
  }
}
