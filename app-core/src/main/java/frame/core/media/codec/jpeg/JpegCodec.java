package frame.core.media.codec.jpeg;

import frame.core.api.FrameException;
import frame.core.media.codec.Codec;
import frame.core.media.codec.ExifOrientation;
import frame.core.media.codec.imageio.ImageIoCodec;
import frame.core.media.color.IccProfiles;
import frame.core.media.turbo.TurboJpeg;
import frame.core.media.turbo.TurboJpegException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * JPEG: libjpeg-turbo when it loads (SIMD, scaled as it decodes to any M/8), else ImageIO, which
 * also takes what libjpeg-turbo refuses (CMYK/YCCK) and judges a file it finds damaged. The
 * library is asked for on every decode, so {@code -Dframe.native.disable} can switch paths in one
 * JVM. The pixels keep the file's colour space; its ICC profile travels with them.
 */
public final class JpegCodec implements Codec {
  /** Larger files are not read into memory whole; no camera writes JPEGs this big. */
  private static final long IN_MEMORY_MAX_BYTES = 64L << 20;
  /** Enough for the SOF marker after an EXIF block with its thumbnail (APP1 is at most 64 KB) and a usual ICC profile. */
  private static final int HEADER_BYTES = 128 << 10;

  /** Which decoder made a JPEG's pixels (the benchmark reports it). */
  public enum Decoder { LIBJPEG_TURBO, IMAGEIO }

  private final ImageIoCodec imageIo = new ImageIoCodec("jpeg");

  @Override
  public String description() {
    return TurboJpeg.available().map(turbo -> "JPEG: libjpeg-turbo " + turbo.library() + " (native)")
        .orElse("JPEG: ImageIO (Java; libjpeg-turbo not loaded: on Debian or Ubuntu `apt install libturbojpeg0`)");
  }

  /** From the SOF marker in the file's first bytes; ImageIO's reader when it lies further or the markers do not parse. */
  @Override
  public Size header(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(HEADER_BYTES);
      Optional<Size> size = JpegMarkers.size(head, head.length);
      if (size.isPresent()) return size.get();
    } catch (IOException e) {
      // ImageIO's reader below words the error
    }
    return imageIo.header(file);
  }

  @Override
  public Picture decode(Path file, Size header, long maxPixels, int longest) {
    if (TurboJpeg.available().isPresent()) {
      Optional<byte[]> jpeg = inMemory(file);
      Optional<Picture> fast = jpeg.flatMap(bytes -> withTurbo(bytes, maxPixels, longest));
      if (fast.isPresent()) {
        // the orientation from the bytes already read; the metadata library only for an EXIF block the walk cannot follow
        int orientation = JpegMarkers.orientation(jpeg.get()).orElseGet(() -> ExifOrientation.of(file));
        return new Picture(fast.get().pixels(), orientation, fast.get().iccProfile());
      }
    }
    return imageIo.decode(file, header, maxPixels, longest);
  }

  /** A JPEG already in memory (a RAW's embedded preview); the orientation is the caller's to set. */
  public Picture decode(byte[] jpeg, long maxPixels, int longest) {
    return withTurbo(jpeg, maxPixels, longest).orElseGet(() -> imageIo.decode(jpeg));
  }

  /** The decoder {@link #decode} takes for these bytes. */
  public static Decoder decoderFor(byte[] jpeg) {
    Optional<TurboJpeg> turbo = TurboJpeg.available();
    if (turbo.isEmpty()) return Decoder.IMAGEIO;
    try {
      return turbo.get().header(jpeg).cmyk() ? Decoder.IMAGEIO : Decoder.LIBJPEG_TURBO;
    } catch (TurboJpegException e) {
      return Decoder.IMAGEIO;
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

  /**
   * Decoded by libjpeg-turbo as {@link #decode(Path, Size, long, int)} decodes a file of these
   * bytes; empty when libjpeg-turbo is absent, the file is CMYK, or it is damaged (ImageIO judges).
   */
  public static Optional<Picture> withTurbo(byte[] jpeg, long maxPixels, int longest) {
    Optional<TurboJpeg> turbo = TurboJpeg.available();
    if (turbo.isEmpty()) return Optional.empty();
    try {
      TurboJpeg.Header header = turbo.get().header(jpeg);
      if (header.cmyk()) return Optional.empty();
      new Size(header.width(), header.height()).requireAtMost(maxPixels);
      int eighths = eighthsFor(header.width(), header.height(), longest);
      BufferedImage pixels = turbo.get().decode(jpeg, header.width(), header.height(), eighths);
      return Optional.of(new Picture(pixels, ExifOrientation.NORMAL, IccProfiles.ofJpeg(jpeg)));
    } catch (TurboJpegException e) {
      return Optional.empty(); // damaged, or warned about: ImageIO decides
    }
  }

  private static Optional<byte[]> inMemory(Path file) {
    try {
      if (Files.size(file) > IN_MEMORY_MAX_BYTES) return Optional.empty();
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      throw FrameException.corrupt("it cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
