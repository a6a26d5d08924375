package frame.core.media;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Pixels as decoded (8-bit, TYPE_INT_RGB), the orientation that makes them upright, and the ICC
 * profile they are in when the file carried one (empty: already sRGB). Conversion to sRGB is one
 * step after scaling, so it costs a preview's pixels, not the original's.
 */
public record DecodedImage(BufferedImage pixels, Orientation orientation, Optional<byte[]> iccProfile) {
  public DecodedImage(BufferedImage pixels, Orientation orientation) {
    this(pixels, orientation, Optional.empty());
  }

  public DecodedImage withPixels(BufferedImage scaled) {
    return new DecodedImage(scaled, orientation, iccProfile);
  }
}
