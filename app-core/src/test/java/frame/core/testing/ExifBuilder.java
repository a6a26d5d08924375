package frame.core.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a small, valid EXIF (APP1) block: IFD0 with orientation, make and model, and an Exif
 * sub-IFD with date taken, f-number, ISO and focal length. Big-endian, as many cameras write it.
 */
public final class ExifBuilder {
  private Integer orientation;
  private String make;
  private String model;
  private String dateTaken;
  private int[] fNumber;
  private Integer iso;
  private int[] focalLength;

  public ExifBuilder orientation(int value) {
    this.orientation = value;
    return this;
  }

  public ExifBuilder camera(String cameraMake, String cameraModel) {
    this.make = cameraMake;
    this.model = cameraModel;
    return this;
  }

  /** As EXIF writes it: "2024:05:01 10:22:33". */
  public ExifBuilder dateTaken(String value) {
    this.dateTaken = value;
    return this;
  }

  public ExifBuilder exposure(int fNumberTimes10, int isoValue, int focalLengthMm) {
    this.fNumber = new int[] {fNumberTimes10, 10};
    this.iso = isoValue;
    this.focalLength = new int[] {focalLengthMm, 1};
    return this;
  }

  /** Inserts this EXIF block right after the JPEG's SOI marker. */
  public byte[] into(byte[] jpeg) {
    return frame.core.media.ExifSegment.insert(jpeg, tiff());
  }

  private record Entry(int tag, int type, int count, byte[] data) {}

  /** The EXIF block alone (a TIFF structure), as HEIF and RAW files carry it. */
  public byte[] tiff() {
    List<Entry> ifd0 = new ArrayList<>();
    List<Entry> sub = new ArrayList<>();
    if (make != null) ifd0.add(ascii(0x010F, make));
    if (model != null) ifd0.add(ascii(0x0110, model));
    if (orientation != null) ifd0.add(new Entry(0x0112, 3, 1, shortValue(orientation)));
    if (dateTaken != null) sub.add(ascii(0x9003, dateTaken));
    if (fNumber != null) sub.add(new Entry(0x829D, 5, 1, rational(fNumber)));
    if (iso != null) sub.add(new Entry(0x8827, 3, 1, shortValue(iso)));
    if (focalLength != null) sub.add(new Entry(0x920A, 5, 1, rational(focalLength)));
    boolean hasSub = !sub.isEmpty();
    if (hasSub) ifd0.add(new Entry(0x8769, 4, 1, new byte[4])); // pointer patched below
    ifd0.sort((a, b) -> Integer.compare(a.tag(), b.tag()));

    int ifd0Offset = 8;
    int ifd0Size = 2 + 12 * ifd0.size() + 4;
    int subOffset = ifd0Offset + ifd0Size + extraSize(ifd0);
    ByteBuffer buffer = ByteBuffer.allocate(4096).order(ByteOrder.BIG_ENDIAN);
    buffer.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0Offset);
    writeIfd(buffer, ifd0, ifd0Offset, hasSub ? subOffset : -1);
    if (hasSub) writeIfd(buffer, sub, subOffset, -1);
    byte[] result = new byte[buffer.position()];
    buffer.flip().get(result);
    return result;
  }

  private static int extraSize(List<Entry> entries) {
    int size = 0;
    for (Entry e : entries) if (e.data().length > 4) size += e.data().length + (e.data().length % 2);
    return size;
  }

  private static void writeIfd(ByteBuffer buffer, List<Entry> entries, int offset, int subIfdOffset) {
    buffer.position(offset);
    buffer.putShort((short) entries.size());
    int extra = offset + 2 + 12 * entries.size() + 4;
    for (Entry e : entries) {
      buffer.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
      if (e.tag() == 0x8769) {
        buffer.putInt(subIfdOffset);
      } else if (e.data().length <= 4) {
        byte[] padded = new byte[4];
        System.arraycopy(e.data(), 0, padded, 0, e.data().length);
        buffer.put(padded);
      } else {
        buffer.putInt(extra);
        int here = buffer.position();
        buffer.position(extra);
        buffer.put(e.data());
        extra += e.data().length + (e.data().length % 2);
        buffer.position(here);
      }
    }
    buffer.putInt(0);
    buffer.position(Math.max(buffer.position(), extra));
  }

  private static Entry ascii(int tag, String text) {
    byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
    return new Entry(tag, 2, bytes.length, bytes);
  }

  private static byte[] shortValue(int value) {
    return new byte[] {(byte) (value >> 8), (byte) value};
  }

  private static byte[] rational(int[] value) {
    return ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(value[0]).putInt(value[1]).array();
  }
}
