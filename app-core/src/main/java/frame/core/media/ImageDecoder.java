package frame.core.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import frame.core.api.FrameException;
import frame.core.api.library.ImageFormat;
import frame.core.media.codec.Codec;
import frame.core.media.jpeg.JpegDecoding;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an original to 8-bit sRGB pixels whatever it was stored as (CMYK/YCCK JPEG, 16-bit,
 * grayscale, palette, alpha over white), after checking its declared size against the limit.
 */
public final class ImageDecoder {
  /** Larger files are not read into memory whole; no camera writes JPEGs this big. */
  private static final long FAST_JPEG_MAX_BYTES = 64L << 20;

  private final long maxPixels;
  private final DecodeBudget budget;

  public ImageDecoder(long maxPixels, DecodeBudget budget) {
    this.maxPixels = maxPixels;
    this.budget = budget;
  }

  /**
   * Decoded at the smallest size whose longest side is still at least {@code longest} (full
   * size at most): a camera JPEG is scaled down as it decodes (libjpeg-turbo at any M/8, or our
   * Java decoder at 1/2, 1/4, 1/8), which is where most of the pipeline's time went; anything
   * else decodes whole. A JPEG's ICC profile comes along for the colour step after scaling.
   */
  public DecodedImage decode(Path file, ImageFormat format, int longest) {
    Optional<Codec> codec = Codecs.forFormat(format);
    if (codec.isPresent()) {
      Codec.Size size = codec.get().header(file).requireAtMost(maxPixels);
      Codec.Picture picture = budget.run(size.pixels(), () -> codec.get().decode(file, size, maxPixels, longest));
      return new DecodedImage(picture.pixels(), Orientation.fromExif(picture.orientation()), picture.iccProfile());
    }
    ImageHeader header = ImageHeader.read(file, format).requireAtMost(maxPixels);
    return budget.run(header.pixels(), () -> {
      if (format == ImageFormat.JPEG) {
        Optional<JpegDecoding.Result> fast = fastJpeg(file, header, longest);
        if (fast.isPresent()) return new DecodedImage(fast.get().pixels(), orientationOf(file), fast.get().iccProfile());
      }
      return new DecodedImage(toRgb(readPixels(file, format)), orientationOf(file));
    });
  }

  /** Empty when the file is one for ImageIO (it takes what the fast decoders leave, and judges damage). */
  private static Optional<JpegDecoding.Result> fastJpeg(Path file, ImageHeader header, int longest) {
    try {
      if (Files.size(file) > FAST_JPEG_MAX_BYTES) return Optional.empty();
      return JpegDecoding.decode(Files.readAllBytes(file), header.width(), header.height(), longest);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static BufferedImage readPixels(Path file, ImageFormat format) {
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream input = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageHeader.readerFor(input, format);
      try {
        reader.setInput(input, true, true);
        reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        for (String warning : warnings) {
          if (warning.toLowerCase().contains("premature end")) throw FrameException.corrupt("it ends early", null);
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof FrameException fe) throw fe;
      throw FrameException.corrupt("its pixels cannot be decoded (" + e.getMessage() + ")", e);
    }
  }

  /** The EXIF orientation, NORMAL when absent or unreadable. */
  public static Orientation orientationOf(Path file) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
      for (ExifIFD0Directory ifd0 : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
        Integer value = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        if (value != null) return Orientation.fromExif(value);
      }
    } catch (Exception | StackOverflowError e) {
      // a broken metadata block leaves the photo as stored
    }
    return Orientation.NORMAL;
  }

  static BufferedImage toRgb(BufferedImage image) {
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
}
