package frame.core.media.jpeg;

import java.awt.image.BufferedImage;

/** How far two pictures of one size are apart: mean and worst channel difference, and PSNR. */
record PixelDifference(double mean, int worst, double psnr, double[] meanShift) {

  static PixelDifference of(BufferedImage a, BufferedImage b) {
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
    return new PixelDifference(sum / n, worst, mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse), meanShift);
  }

  /** An area-averaging downscale: each output pixel the mean of the source pixels it covers. */
  static BufferedImage areaAverage(BufferedImage source, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    java.awt.Image scaled = source.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING);
    out.getGraphics().drawImage(scaled, 0, 0, null);
    return out;
  }

  @Override
  public String toString() {
    return "mean %.2f, worst %d, PSNR %.1f dB, shift R %.2f G %.2f B %.2f".formatted(mean, worst, psnr, meanShift[0], meanShift[1], meanShift[2]);
  }
}
