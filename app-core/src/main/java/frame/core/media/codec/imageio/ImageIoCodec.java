package frame.core.media.codec.imageio;

import frame.core.api.FrameException;
import frame.core.media.codec.Codec;
import frame.core.media.codec.ExifOrientation;
import frame.core.media.codec.RgbPixels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The formats the JDK and the TwelveMonkeys plugins read (PNG, GIF, BMP, TIFF, WebP), and JPEG
 * when libjpeg-turbo is absent or refuses a file: CMYK/YCCK, 16-bit, grayscale, palette and
 * alpha (over white) all become 8-bit RGB. Decodes whole; a file that ends early is corrupt.
 */
public final class ImageIoCodec implements Codec {
  static {
    // Decoders must not spill to the system temp folder, and must find the TwelveMonkeys plugins.
    ImageIO.setUseCache(false);
    ImageIO.scanForPlugins();
  }

  private final String formatName;

  /** {@code formatName} as ImageIO knows it: "jpeg", "png", "tiff"... */
  public ImageIoCodec(String formatName) {
    this.formatName = formatName;
  }

  @Override
  public boolean decodesWholeOnTheHeap() {
    return true;
  }

  @Override
  public String description() {
    return formatName.toUpperCase(Locale.ROOT) + ": ImageIO (Java)";
  }

  @Override
  public Size header(Path file) {
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = readerFor(input);
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) throw FrameException.corrupt("it declares no picture size", null);
        return new Size(width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof FrameException fe) throw fe;
      throw FrameException.corrupt("its " + formatName.toUpperCase(Locale.ROOT)
          + " header cannot be read (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public Picture decode(Path file, Size header, long maxPixels, int longest) {
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      return RgbPixels.picture(read(input), ExifOrientation.of(file));
    } catch (IOException e) {
      throw FrameException.corrupt("its pixels cannot be decoded (" + e.getMessage() + ")", e);
    }
  }

  /** A file already in memory (a RAW's embedded preview), orientation left to the caller. */
  public Picture decode(byte[] bytes) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      return RgbPixels.picture(read(input), ExifOrientation.NORMAL);
    } catch (IOException e) {
      throw FrameException.corrupt("its pixels cannot be decoded (" + e.getMessage() + ")", e);
    }
  }

  private BufferedImage read(ImageInputStream input) {
    List<String> warnings = new ArrayList<>();
    try {
      ImageReader reader = readerFor(input);
      try {
        reader.setInput(input, true, true);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        for (String warning : warnings) {
          if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
            throw FrameException.corrupt("it ends early", null);
          }
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof FrameException fe) throw fe;
      // a reader that wraps the heap running out has not found a damaged file
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof OutOfMemoryError oom) throw oom;
      }
      throw FrameException.corrupt("its pixels cannot be decoded (" + e.getMessage() + ")", e);
    }
  }

  private ImageReader readerFor(ImageInputStream input) throws IOException {
    if (input == null) throw new IOException("cannot open file");
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
    if (!readers.hasNext()) throw FrameException.unsupportedFormat(formatName.toUpperCase(Locale.ROOT) + " (no decoder installed)");
    return readers.next();
  }
}
