package frame.core.culling;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A focus measure: the variance of the Laplacian of the grey picture, measured at a fixed size
 * ({@link #MEASURED_AT} px on the longest side) so that photos whose previews differ in size
 * compare fairly. Higher is sharper. It sees edges and fine texture; it cannot tell a soft subject
 * on a sharp background from the opposite, nor intended blur (panning, bokeh) from a missed focus:
 * compare it between frames of one burst, not across scenes. See docs/culling.md.
 */
public final class Sharpness {
  /** The longest side the measure is taken at. */
  public static final int MEASURED_AT = 1000;

  private Sharpness() {}

  public static double of(BufferedImage image) {
    BufferedImage measured = atMeasuringSize(image);
    int w = measured.getWidth();
    int h = measured.getHeight();
    if (w < 3 || h < 3) return 0;
    // three grey rows at a time, not the whole grey picture (5 MB of doubles at 1000 x 667)
    Greys.Reader greys = Greys.reader(measured);
    double[] above = greys.row(0, new double[w]);
    double[] here = greys.row(1, new double[w]);
    double[] below = new double[w];
    double sum = 0;
    double sumSquares = 0;
    long n = 0;
    for (int y = 1; y < h - 1; y++) {
      greys.row(y + 1, below);
      for (int x = 1; x < w - 1; x++) {
        double laplacian = above[x] + below[x] + here[x - 1] + here[x + 1] - 4 * here[x];
        sum += laplacian;
        sumSquares += laplacian * laplacian;
        n++;
      }
      double[] done = above;
      above = here;
      here = below;
      below = done;
    }
    double mean = sum / n;
    return sumSquares / n - mean * mean;
  }

  private static BufferedImage atMeasuringSize(BufferedImage image) {
    int longest = Math.max(image.getWidth(), image.getHeight());
    if (longest == MEASURED_AT) return image;
    double scale = (double) MEASURED_AT / longest;
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = scaled.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    return scaled;
  }
}
