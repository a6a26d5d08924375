package frame.core.media.codec;

import frame.core.media.color.IccProfiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.util.Optional;

/** Whatever a decoder returned, as the 8-bit TYPE_INT_RGB pixels every later step takes. */
public final class RgbPixels {
  private RgbPixels() {}

  /** Drawn onto white (alpha, palette, 16-bit, gray and CMYK alike); the image itself when already TYPE_INT_RGB. */
  public static BufferedImage overWhite(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /**
   * A decoded picture. An opaque 8-bit RGB image in an ICC colour space keeps its stored values:
   * tagged sRGB needs no work, any other profile travels with the pixels, to be converted once
   * after scaling (as on the libjpeg-turbo path). Everything else is drawn into sRGB here.
   */
  public static Codec.Picture picture(BufferedImage image, int orientation) {
    if (image.getColorModel().getColorSpace() instanceof ICC_ColorSpace icc && !icc.isCS_sRGB()
        && !image.getColorModel().hasAlpha() && image.getRaster().getNumBands() == 3
        && image.getSampleModel().getSampleSize(0) == 8) {
      byte[] profile = icc.getProfile().getData();
      Optional<byte[]> toConvert = IccProfiles.isSrgb(profile) ? Optional.empty() : Optional.of(profile);
      return new Codec.Picture(storedValues(image.getRaster()), orientation, toConvert);
    }
    return new Codec.Picture(overWhite(image), orientation, Optional.empty());
  }

  private static BufferedImage storedValues(Raster raster) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] target = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    int[] row = new int[width * 3];
    for (int y = 0; y < height; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
      for (int x = 0, i = 0; x < width; x++, i += 3) {
        target[y * width + x] = (row[i] << 16) | (row[i + 1] << 8) | row[i + 2];
      }
    }
    return rgb;
  }
}
