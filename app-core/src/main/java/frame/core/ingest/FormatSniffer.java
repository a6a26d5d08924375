package frame.core.ingest;

import frame.core.api.FrameException;
import frame.core.api.library.ImageFormat;
import frame.core.media.codec.raw.RawSniffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/** Tells a file's type from its first bytes, never from its name. */
public final class FormatSniffer {
  /** How many leading bytes {@link #sniff} wants. */
  public static final int HEAD_BYTES = 32;

  private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx");
  private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
  private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1");

  private FormatSniffer() {}

  /**
   * The format of a stored file from its first bytes; a TIFF is then told from the camera RAWs
   * built on TIFF by its first directory, which can lie past the head.
   */
  public static ImageFormat sniff(Path file, byte[] head, int length) {
    ImageFormat format = sniff(head, length);
    if (format != ImageFormat.TIFF) return format;
    return RawSniffer.tiffBased(file).orElse(ImageFormat.TIFF);
  }

  /** The format, or an unsupported-format error that names what the file is when we know it. */
  public static ImageFormat sniff(byte[] head, int length) {
    byte[] h = Arrays.copyOf(head, Math.max(length, 0));
    if (h.length == 0) throw FrameException.emptyFile();
    if (starts(h, 0xFF, 0xD8, 0xFF)) return ImageFormat.JPEG;
    if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return ImageFormat.PNG;
    if (ascii(h, 0, "GIF87a") || ascii(h, 0, "GIF89a")) return ImageFormat.GIF;
    if (ascii(h, 0, "BM") && h.length >= 14) return ImageFormat.BMP;
    if (ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) return ImageFormat.WEBP;
    if (starts(h, 'I', 'I', 42, 0) || starts(h, 'M', 'M', 0, 42)) {
      return ascii(h, 8, "CR") ? ImageFormat.CR2 : ImageFormat.TIFF;
    }
    if (starts(h, 'I', 'I', 'R', 'O', 8, 0) || starts(h, 'I', 'I', 'R', 'S', 8, 0) || starts(h, 'M', 'M', 'O', 'R')) {
      return ImageFormat.ORF;
    }
    if (starts(h, 'I', 'I', 'U', 0, 8, 0)) return ImageFormat.RW2;
    if (ascii(h, 0, "FUJIFILMCCD-RAW")) return ImageFormat.RAF;
    if (ascii(h, 4, "ftyp") && h.length >= 12) {
      ImageFormat isoMedia = isoMedia(h);
      if (isoMedia != null) return isoMedia;
    }
    throw FrameException.unsupportedFormat(describeUnsupported(h));
  }

  /**
   * HEIC, AVIF, generic HEIF or CR3 by the ftyp box's major brand; a generic major brand
   * (mif1/msf1) is narrowed by the compatible brands that fit in the head.
   */
  private static ImageFormat isoMedia(byte[] h) {
    String major = brand(h, 8);
    if (HEIC_BRANDS.contains(major)) return ImageFormat.HEIC;
    if (AVIF_BRANDS.contains(major)) return ImageFormat.AVIF;
    if (major.equals("crx ")) return ImageFormat.CR3;
    if (!HEIF_BRANDS.contains(major)) return null;
    int boxEnd = Math.min(h.length, (int) Math.min(Integer.MAX_VALUE, readInt(h, 0)));
    for (int at = 16; at + 4 <= boxEnd; at += 4) {
      String compatible = brand(h, at);
      if (AVIF_BRANDS.contains(compatible)) return ImageFormat.AVIF;
      if (HEIC_BRANDS.contains(compatible)) return ImageFormat.HEIC;
    }
    return ImageFormat.HEIF;
  }

  private static String brand(byte[] h, int offset) {
    return new String(h, offset, 4, StandardCharsets.US_ASCII);
  }

  private static long readInt(byte[] h, int offset) {
    return ((h[offset] & 0xFFL) << 24) | ((h[offset + 1] & 0xFF) << 16) | ((h[offset + 2] & 0xFF) << 8) | (h[offset + 3] & 0xFF);
  }

  private static String describeUnsupported(byte[] h) {
    if (ascii(h, 4, "ftyp")) {
      String brand = h.length >= 12 ? brand(h, 8) : "";
      return "video or ISO media file (" + brand.trim() + ")";
    }
    if (ascii(h, 0, "%PDF")) return "PDF document";
    if (starts(h, 'P', 'K', 3, 4)) return "ZIP archive";
    if (ascii(h, 0, "8BPS")) return "Photoshop document (PSD)";
    if (ascii(h, 0, "<") || ascii(h, 0, "\uFEFF<")) return "text or HTML file";
    return "unknown, not an image FRAME can read";
  }

  private static boolean starts(byte[] h, int... expected) {
    if (h.length < expected.length) return false;
    for (int i = 0; i < expected.length; i++) {
      if ((h[i] & 0xFF) != (expected[i] & 0xFF)) return false;
    }
    return true;
  }

  private static boolean ascii(byte[] h, int offset, String text) {
    byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
    if (h.length < offset + expected.length) return false;
    return Arrays.equals(h, offset, offset + expected.length, expected, 0, expected.length);
  }
}
