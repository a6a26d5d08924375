package frame.core.media.jpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Test pictures for the encoder, and the JDK's decoder as its independent judge. */
final class JpegVariants {
  private JpegVariants() {}

  static BufferedImage gray(BufferedImage rgb) {
    BufferedImage gray = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    gray.getGraphics().drawImage(rgb, 0, 0, null);
    return gray;
  }

  static BufferedImage solid(int width, int height, int rgb) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, rgb);
    return image;
  }

  static BufferedImage decodeWithImageIo(byte[] jpeg) {
    try {
      BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
      BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics().drawImage(image, 0, 0, null);
      return rgb;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
