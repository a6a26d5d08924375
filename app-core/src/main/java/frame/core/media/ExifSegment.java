package frame.core.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Puts an EXIF block (a TIFF structure) into a JPEG as the APP1 segment right after SOI. */
public final class ExifSegment {
  private ExifSegment() {}

  public static byte[] insert(byte[] jpeg, byte[] tiff) {
    int length = 2 + 6 + tiff.length;
    if (length > 0xFFFF) throw new IllegalArgumentException("EXIF block too large for one segment");
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
    out.write(jpeg, 0, 2);
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
