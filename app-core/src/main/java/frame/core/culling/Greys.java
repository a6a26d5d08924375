package frame.core.culling;

import java.awt.image.BufferedImage;

/** Grey levels (Rec. 601 luma, 0-255) of a picture, whole or averaged over a coarse grid. */
final class Greys {
  private Greys() {}

  static double[][] of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double[][] grey = new double[h][w];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) grey[y][x] = luma(row[x]);
    }
    return grey;
  }

  /** The mean grey of each of {@code cols} x {@code rows} cells covering the picture. */
  static double[][] areaAverage(BufferedImage image, int cols, int rows) {
    int w = image.getWidth();
    int h = image.getHeight();
    double[][] sum = new double[rows][cols];
    int[][] count = new int[rows][cols];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      int cy = Math.min(rows - 1, y * rows / h);
      for (int x = 0; x < w; x++) {
        int cx = Math.min(cols - 1, x * cols / w);
        sum[cy][cx] += luma(row[x]);
        count[cy][cx]++;
      }
    }
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) sum[y][x] = count[y][x] == 0 ? 0 : sum[y][x] / count[y][x];
    }
    return sum;
  }

  private static double luma(int rgb) {
    return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
  }
}
