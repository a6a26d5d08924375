package frame.ui.library;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

/** How many pixels of a picture have each level (0-255) of red, green, blue and luminance (Rec. 709). */
public record Histogram(int[] red, int[] green, int[] blue, int[] luminance, long pixels) {
  public static Histogram of(Image image) {
    int[] r = new int[256];
    int[] g = new int[256];
    int[] b = new int[256];
    int[] l = new int[256];
    PixelReader reader = image.getPixelReader();
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      reader.getPixels(0, y, width, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, width);
      for (int argb : row) {
        int red = (argb >> 16) & 0xff;
        int green = (argb >> 8) & 0xff;
        int blue = argb & 0xff;
        r[red]++;
        g[green]++;
        b[blue]++;
        l[(int) Math.round(0.2126 * red + 0.7152 * green + 0.0722 * blue)]++;
      }
    }
    return new Histogram(r, g, b, l, (long) width * height);
  }

  /** The tallest bin of any channel, ignoring the two ends (clipped pixels would flatten the rest). */
  int peak() {
    int peak = 1;
    for (int i = 1; i < 255; i++) {
      peak = Math.max(peak, Math.max(Math.max(red[i], green[i]), Math.max(blue[i], luminance[i])));
    }
    return peak;
  }
}
