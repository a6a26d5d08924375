package frame.core.media.codec;

import frame.core.api.FrameException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one family of formats: its header without decoding, then its pixels. Codecs speak in
 * their own small values, so this package and its codecs stand below the media layer that
 * chooses among them ({@link frame.core.media.Codecs}).
 */
public interface Codec {
  /** Width and height as the decoded pixels will have them. */
  record Size(int width, int height) {
    public long pixels() {
      return (long) width * height;
    }

    /** Refuses a picture over the pixel limit before anything allocates for it. */
    public Size requireAtMost(long maxPixels) {
      if (pixels() > maxPixels) throw FrameException.tooLarge(width, height, maxPixels);
      return this;
    }
  }

  /**
   * Decoded 8-bit pixels (TYPE_INT_RGB), the EXIF-style orientation (1-8) still to apply to
   * them, and the ICC profile they are in, when the file carried one.
   */
  record Picture(BufferedImage pixels, int orientation, Optional<byte[]> iccProfile) {}

  /** What {@code frame --version} lists, e.g. "HEIC/HEIF/AVIF: libheif 1.15.1 (native)". */
  String description();

  /** False for the stand-in of a native codec that is not on this machine: its decodes fail with what to install. */
  default boolean decodes() {
    return true;
  }

  /**
   * True for a codec that decodes the whole picture on the Java heap at its own depth (ImageIO's
   * PNG, TIFF, ...): the decode budget then counts its bytes and refuses what the heap cannot hold.
   */
  default boolean decodesWholeOnTheHeap() {
    return false;
  }

  /**
   * What a person should know about how this file is shown, when it is not simply decoded (a
   * RAW shown through a small embedded preview, and why); empty for most files.
   */
  default Optional<String> note(Path file) {
    return Optional.empty();
  }

  /** Width and height as the decoded pixels will have them, read without decoding. */
  Size header(Path file);

  /**
   * Pixels and the orientation still to apply. Runs inside the decode budget (timeout and
   * memory) after {@code header} passed the pixel limit; a codec whose own header reading
   * differs checks {@code maxPixels} again before it allocates.
   */
  Picture decode(Path file, Size header, long maxPixels, int longest);
}
