package frame.core.media.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** A picture's pixels as packed 0xRRGGBB ints, without a copy when it already is one. */
final class ImageRgb {
  private ImageRgb() {}

  static int[] of(BufferedImage image) {
    boolean whole = image.getRaster().getParent() == null
        && image.getRaster().getDataBuffer() instanceof DataBufferInt
        && image.getType() == BufferedImage.TYPE_INT_RGB;
    if (whole) return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
