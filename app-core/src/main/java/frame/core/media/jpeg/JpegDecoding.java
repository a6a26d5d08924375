package frame.core.media.jpeg;

import frame.core.media.color.IccProfiles;
import frame.core.media.turbo.TurboJpeg;
import frame.core.media.turbo.TurboJpegException;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The JPEG branch of decoding: libjpeg-turbo when it is there (SIMD, any scale M/8), else our
 * Java decoder (1/2, 1/4, 1/8), else nothing and the caller's ImageIO decodes whole and judges
 * damage. The pixels keep the file's colour space; its ICC profile travels with them, to be
 * converted once after scaling.
 */
public final class JpegDecoding {
  /** Which decoder made the pixels (the benchmark reports the share of each). */
  public enum Path { TURBO, JAVA, IMAGEIO }

  /** Pixels at a reduced scale, still in the colour space of {@code iccProfile} if present. */
  public record Result(BufferedImage pixels, Optional<byte[]> iccProfile, Path path) {}

  private JpegDecoding() {}

  /**
   * At the smallest scale whose longest side is still at least {@code longest} (full size at
   * most); empty when neither fast decoder takes the file.
   */
  public static Optional<Result> decode(byte[] jpeg, int width, int height, int longest) {
    Optional<TurboJpeg> turbo = TurboJpeg.available();
    if (turbo.isPresent()) {
      try {
        TurboJpeg.Header header = turbo.get().header(jpeg);
        if (!header.cmyk()) {
          int eighths = eighthsFor(header.width(), header.height(), longest);
          BufferedImage pixels = turbo.get().decode(jpeg, header.width(), header.height(), eighths);
          return Optional.of(new Result(pixels, IccProfiles.ofJpeg(jpeg), Path.TURBO));
        }
      } catch (TurboJpegException e) {
        // damaged, or warned about: the Java decoder, then ImageIO, decide
      }
    }
    try {
      BufferedImage pixels = JpegDecoder.decode(jpeg, JpegDecoder.scaleFor(width, height, longest));
      return Optional.of(new Result(pixels, IccProfiles.ofJpeg(jpeg), Path.JAVA));
    } catch (NotDecodableHere e) {
      return Optional.empty();
    }
  }

  /** The smallest M of M/8 (1..8) that leaves the longest side at least {@code longest}. */
  public static int eighthsFor(int width, int height, int longest) {
    int full = Math.max(width, height);
    for (int m = 1; m < 8; m++) {
      if ((full * m + 7) / 8 >= longest) return m;
    }
    return 8;
  }
}
