package frame.core.media;

import frame.core.api.FrameException;
import frame.core.api.library.ImageFormat;
import frame.core.media.codec.Codec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Width and height read from the file's header, without decoding pixels. */
public record ImageHeader(int width, int height) {

  static {
    // Decoders must not spill to the system temp folder, and must find the TwelveMonkeys plugins.
    ImageIO.setUseCache(false);
    ImageIO.scanForPlugins();
  }

  public long pixels() {
    return (long) width * height;
  }

  /** Through the codec seam for the formats it handles (HEIF, RAW), ImageIO's reader for the rest. */
  public static ImageHeader read(Path file, ImageFormat format) {
    Optional<Codec> codec = Codecs.forFormat(format);
    if (codec.isPresent()) {
      Codec.Size size = codec.get().header(file);
      return new ImageHeader(size.width(), size.height());
    }
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = readerFor(input, format);
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) throw FrameException.corrupt("it declares no picture size", null);
        return new ImageHeader(width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof FrameException fe) throw fe;
      throw FrameException.corrupt("its " + format + " header cannot be read (" + e.getMessage() + ")", e);
    }
  }

  static ImageReader readerFor(ImageInputStream input, ImageFormat format) throws IOException {
    if (input == null) throw new IOException("cannot open file");
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) throw FrameException.unsupportedFormat(format + " (no decoder installed)");
    return readers.next();
  }

  /** Refuses an image whose declared size is over the pixel limit, before anything decodes it. */
  public ImageHeader requireAtMost(long maxPixels) {
    if (pixels() > maxPixels) throw FrameException.tooLarge(width, height, maxPixels);
    return this;
  }
}
