package frame.core.media.codec;

import frame.core.media.DecodedImage;
import frame.core.media.ImageHeader;
import java.nio.file.Path;

/** Reads one family of formats: its header without decoding, then its pixels. */
public interface Codec {
  /** What {@code frame --version} lists, e.g. "HEIC/AVIF: libheif 1.15.1 (native)". */
  String description();

  /** False for the stand-in of a native codec that is not on this machine: its decodes fail with what to install. */
  default boolean decodes() {
    return true;
  }

  /** Width and height as the decoded pixels will have them, read without decoding. */
  ImageHeader header(Path file);

  /**
   * Pixels and the orientation still to apply. Runs inside the decode budget (timeout and
   * memory) after {@code header} passed the pixel limit; a codec whose own header reading
   * differs checks {@code maxPixels} again before it allocates.
   */
  DecodedImage decode(Path file, ImageHeader header, long maxPixels, int longest);
}
