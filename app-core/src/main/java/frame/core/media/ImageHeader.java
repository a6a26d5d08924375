package frame.core.media;

import frame.core.api.FrameException;
import frame.core.api.library.ImageFormat;
import frame.core.media.codec.Codec;
import java.nio.file.Path;

/** Width and height read from the file's header, without decoding pixels. */
public record ImageHeader(int width, int height) {

  public long pixels() {
    return (long) width * height;
  }

  /** Read by the format's codec, without decoding pixels. */
  public static ImageHeader read(Path file, ImageFormat format) {
    Codec.Size size = Codecs.forFormat(format).header(file);
    return new ImageHeader(size.width(), size.height());
  }

  /** Refuses an image whose declared size is over the pixel limit, before anything decodes it. */
  public ImageHeader requireAtMost(long maxPixels) {
    if (pixels() > maxPixels) throw FrameException.tooLarge(width, height, maxPixels);
    return this;
  }
}
