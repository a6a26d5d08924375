package frame.core.media;

import java.awt.image.ColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * The bytes a whole-image ImageIO decode needs: the decoded picture at its own depth and channels
 * (a 16-bit RGBA PNG is 8 bytes a pixel), plus the 4 bytes a pixel of the sRGB copy made from it.
 */
final class DecodeCost {
  private static final int RGB_COPY_BYTES = 4;

  private DecodeCost() {}

  static long bytes(Path file, long pixels) {
    return pixels * (sourceBytesPerPixel(file) + RGB_COPY_BYTES);
  }

  /** From the reader's own picture type; 4 when the header does not say (the common 8-bit RGBA). */
  private static int sourceBytesPerPixel(Path file) {
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      java.util.Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) return 4;
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null && reader.getImageTypes(0).hasNext()) type = reader.getImageTypes(0).next();
        if (type == null) return 4;
        ColorModel model = type.getColorModel();
        int bits = model != null ? model.getPixelSize() : type.getSampleModel().getNumBands() * 8;
        return Math.max(1, (bits + 7) / 8);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return 4; // the decode itself judges a file whose header cannot say
    }
  }
}
