package frame.core.media.codec.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** The EXIF orientation of a JPEG embedded in a file, from its APP1 segment's TIFF structure. */
final class JpegExif {
  private JpegExif() {}

  static int orientation(FileChannel channel, long offset, long length) throws IOException {
    long position = offset + 2;
    long end = Math.min(channel.size(), offset + length);
    for (int segments = 0; position + 10 <= end && segments < 16; segments++) {
      ByteBuffer marker = Tiff.readAt(channel, position, 10, ByteOrder.BIG_ENDIAN);
      int type = marker.get(1) & 0xFF;
      int segmentLength = marker.getShort(2) & 0xFFFF;
      if ((marker.get(0) & 0xFF) != 0xFF || type == 0xDA || segmentLength < 2) break;
      if (type == 0xE1 && marker.getInt(4) == 0x45786966) { // "Exif"
        try {
          Tiff tiff = Tiff.read(channel, position + 10);
          return (int) tiff.value(tiff.ifd0(), Tiff.ORIENTATION, 1);
        } catch (RuntimeException e) {
          return 1; // a broken EXIF block leaves the preview as stored
        }
      }
      position += 2 + segmentLength;
    }
    return 1;
  }
}
