package frame.core.ingest;

import frame.core.error.FrameException;
import frame.core.image.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Tells a file's type from its first bytes, never from its name. */
public final class FormatSniffer {
  /** How many leading bytes {@link #sniff} wants. */
  public static final int HEAD_BYTES = 32;

  private FormatSniffer() {}

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
      if (ascii(h, 8, "CR")) throw FrameException.unsupportedFormat("Canon RAW (CR2)");
      return ImageFormat.TIFF;
    }
    throw FrameException.unsupportedFormat(describeUnsupported(h));
  }

  private static String describeUnsupported(byte[] h) {
    if (ascii(h, 4, "ftyp")) {
      String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.US_ASCII) : "";
      if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
        return "HEIC/HEIF photo (not supported yet)";
      }
      if (brand.startsWith("avi")) return "AVIF image (not supported yet)";
      if (brand.startsWith("crx")) return "Canon RAW (CR3)";
      return "video or ISO media file (" + brand.trim() + ")";
    }
    if (starts(h, 'I', 'I', 'R', 'O') || starts(h, 'I', 'I', 'U', 0)) return "camera RAW file";
    if (starts(h, 'F', 'U', 'J', 'I')) return "Fujifilm RAW (RAF)";
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
