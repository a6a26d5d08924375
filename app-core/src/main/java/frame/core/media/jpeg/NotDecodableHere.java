package frame.core.media.jpeg;

/**
 * This decoder does not take the file: a kind of JPEG it leaves to ImageIO (progressive,
 * arithmetic, CMYK, 12-bit, an ICC profile...) or damage that ImageIO should judge.
 */
public final class NotDecodableHere extends Exception {
  NotDecodableHere(String why) {
    super(why, null, false, false);
  }
}
