package frame.core.testing;

import java.awt.image.BufferedImage;

/**
 * How far two pictures of one size are apart: mean and worst channel difference, PSNR, the mean
 * shift of each channel (a colour cast), and the mean difference in the worst 8x8 tile (where
 * aliasing shows: moiré or stripes turning solid in one place, which a global mean hides).
 */
public record PixelDifference(double mean, int worst, double psnr, double[] meanShift, double worstTile) {

  public static PixelDifference of(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new AssertionError("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " vs " + b.getWidth() + "x" + b.getHeight());
    }
    long sum = 0;
    long squares = 0;
    long[] shift = new long[3];
    int worst = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int c = 0; c < 3; c++) {
          int d = ((p >> (8 * c)) & 0xFF) - ((q >> (8 * c)) & 0xFF);
          shift[2 - c] += d;
          sum += Math.abs(d);
          squares += (long) d * d;
          worst = Math.max(worst, Math.abs(d));
        }
      }
    }
    double n = 3.0 * a.getWidth() * a.getHeight();
    double mse = squares / n;
    double[] meanShift = {shift[0] / (n / 3), shift[1] / (n / 3), shift[2] / (n / 3)};
    return new PixelDifference(sum / n, worst, mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse), meanShift,
        worstTile(a, b, 8));
  }

  private static double worstTile(BufferedImage a, BufferedImage b, int tile) {
    double worst = 0;
    for (int ty = 0; ty + tile <= a.getHeight(); ty += tile) {
      for (int tx = 0; tx + tile <= a.getWidth(); tx += tile) {
        long sum = 0;
        for (int y = ty; y < ty + tile; y++) {
          for (int x = tx; x < tx + tile; x++) {
            int p = a.getRGB(x, y);
            int q = b.getRGB(x, y);
            for (int c = 0; c < 24; c += 8) sum += Math.abs(((p >> c) & 0xFF) - ((q >> c) & 0xFF));
          }
        }
        worst = Math.max(worst, sum / (3.0 * tile * tile));
      }
    }
    return worst;
  }

  /** An area-averaging downscale: each output pixel the mean of the source pixels it covers. */
  public static BufferedImage areaAverage(BufferedImage source, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.awt.Image scaled = source.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING);
    out.getGraphics().drawImage(scaled, 0, 0, null);
    return out;
  }

  @Override
  public String toString() {
    return "mean %.2f, worst %d, worst tile %.1f, PSNR %.1f dB, shift R %.2f G %.2f B %.2f"
        .formatted(mean, worst, worstTile, psnr, meanShift[0], meanShift[1], meanShift[2]);
  }
}
