package frame.core.media.codec.jpeg;

import frame.core.media.codec.Codec;
import frame.core.media.codec.ExifOrientation;
import java.util.Optional;

/**
 * The two things the decode needs from a JPEG's markers, read straight from its bytes: the frame's
 * size and the EXIF orientation. A walk over the segments before the first scan, with no metadata
 * library and no image reader: those parsed every directory (maker notes, XMP, ...) or opened the
 * file again for two numbers, a few milliseconds a photo. Anything unexpected answers empty, and
 * the caller asks the full readers, which also word the error for a damaged file.
 */
final class JpegMarkers {
  private static final int SOI = 0xD8;
  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP1 = 0xE1;
  private static final int ORIENTATION_TAG = 0x0112;
  /** An EXIF block this walk cannot follow: the metadata library, which reads what it can of it, decides. */
  private static final int UNREADABLE = -1;

  private JpegMarkers() {}

  /** The frame's width and height from its SOF segment, when {@code head} reaches it. */
  static Optional<Codec.Size> size(byte[] head, int length) {
    int at = 2;
    if (length < 4 || (head[0] & 0xFF) != 0xFF || (head[1] & 0xFF) != SOI) return Optional.empty();
    while (at + 4 <= length) {
      if ((head[at] & 0xFF) != 0xFF) return Optional.empty();
      int marker = head[at + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte before a marker
        at++;
        continue;
      }
      if (marker == SOS || marker == EOI) return Optional.empty();
      if (standalone(marker)) {
        at += 2;
        continue;
      }
      int segment = unsigned16(head, at + 2);
      if (segment < 2) return Optional.empty();
      if (isFrame(marker)) {
        if (at + 9 > length || segment < 7) return Optional.empty();
        int height = unsigned16(head, at + 5);
        int width = unsigned16(head, at + 7);
        return width > 0 && height > 0 ? Optional.of(new Codec.Size(width, height)) : Optional.empty();
      }
      at += 2 + segment;
    }
    return Optional.empty();
  }

  /** The orientation in the first EXIF segment's IFD0 that has one, else 1 (as stored); empty when the markers do not parse. */
  static Optional<Integer> orientation(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) return Optional.empty();
    int at = 2;
    while (at + 4 <= jpeg.length) {
      if ((jpeg[at] & 0xFF) != 0xFF) return Optional.empty();
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xFF) {
        at++;
        continue;
      }
      if (marker == SOS || marker == EOI) return Optional.of(ExifOrientation.NORMAL);
      if (standalone(marker)) {
        at += 2;
        continue;
      }
      int segment = unsigned16(jpeg, at + 2);
      if (segment < 2 || at + 2 + segment > jpeg.length) return Optional.empty();
      if (marker == APP1 && isExif(jpeg, at + 4, segment - 2)) {
        Integer value = ifd0Orientation(jpeg, at + 10, segment - 8);
        if (value != null) return value == UNREADABLE ? Optional.empty() : Optional.of(value);
      }
      at += 2 + segment;
    }
    return Optional.empty();
  }

  /** TEM and RST0-RST7 carry no length. */
  private static boolean standalone(int marker) {
    return marker == 0x01 || marker >= 0xD0 && marker <= 0xD7;
  }

  /** SOF0-SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static boolean isExif(byte[] b, int at, int length) {
    return length >= 6 && b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0
        && b[at + 5] == 0;
  }

  /** The orientation entry of IFD0 in the TIFF structure at {@code tiff} ({@code length} bytes), null without one. */
  private static Integer ifd0Orientation(byte[] b, int tiff, int length) {
    if (length < 8) return UNREADABLE;
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') little = true;
    else if (b[tiff] == 'M' && b[tiff + 1] == 'M') little = false;
    else return UNREADABLE;
    if (read16(b, tiff + 2, little) != 42) return UNREADABLE;
    long ifd = read32(b, tiff + 4, little);
    if (ifd < 8 || ifd + 2 > length) return UNREADABLE;
    int entries = read16(b, tiff + (int) ifd, little);
    for (int i = 0; i < entries; i++) {
      int entry = tiff + (int) ifd + 2 + 12 * i;
      if (entry + 12 > tiff + length) return UNREADABLE;
      if (read16(b, entry, little) != ORIENTATION_TAG) continue;
      int type = read16(b, entry + 2, little);
      if (read32(b, entry + 4, little) != 1) return UNREADABLE;
      // the value sits in the entry itself: a SHORT as cameras write it, else a BYTE or LONG
      return switch (type) {
        case 1 -> b[entry + 8] & 0xFF;
        case 3 -> read16(b, entry + 8, little);
        case 4 -> (int) Math.min(Integer.MAX_VALUE, read32(b, entry + 8, little));
        default -> UNREADABLE;
      };
    }
    return null;
  }

  private static int unsigned16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private static int read16(byte[] b, int at, boolean little) {
    return little ? (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF) : unsigned16(b, at);
  }

  private static long read32(byte[] b, int at, boolean little) {
    long high = read16(b, little ? at + 2 : at, little);
    long low = read16(b, little ? at : at + 2, little);
    return high << 16 | low;
  }
}
