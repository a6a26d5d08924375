package frame.core.media;

import frame.core.api.library.ImageFormat;
import frame.core.media.codec.Codec;
import java.nio.file.Path;

/**
 * Decodes an original to 8-bit pixels whatever it was stored as, through the codec for its
 * format ({@link Codecs}), after checking its declared size against the limit and inside the
 * decode budget (time and memory).
 */
public final class ImageDecoder {
  private final long maxPixels;
  private final DecodeBudget budget;

  public ImageDecoder(long maxPixels, DecodeBudget budget) {
    this.maxPixels = maxPixels;
    this.budget = budget;
  }

  /**
   * Decoded at the smallest size whose longest side is still at least {@code longest} (full
   * size at most) where the codec can scale as it decodes (libjpeg-turbo at any M/8, which is
   * where most of the pipeline's time went); the rest decode whole. An ICC profile comes along
   * for the colour step after scaling.
   */
  public DecodedImage decode(Path file, ImageFormat format, int longest) {
    Codec codec = Codecs.forFormat(format);
    Codec.Size size = codec.header(file).requireAtMost(maxPixels);
    if (codec.decodesWholeOnTheHeap()) {
      // decoded whole at its own depth: refused up front when the heap cannot hold it
      Codec.Picture whole = budget.runWhole(DecodeCost.bytes(file, size.pixels()),
          () -> codec.decode(file, size, maxPixels, longest));
      return new DecodedImage(whole.pixels(), Orientation.fromExif(whole.orientation()), whole.iccProfile());
    }
    Codec.Picture picture = budget.run(size.pixels(), () -> codec.decode(file, size, maxPixels, longest));
    return new DecodedImage(picture.pixels(), Orientation.fromExif(picture.orientation()), picture.iccProfile());
  }
}
