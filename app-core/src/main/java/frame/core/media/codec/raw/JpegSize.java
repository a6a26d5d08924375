package frame.core.media.codec.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * The size of a JPEG embedded in a RAW, from its frame header, read marker by marker from the
 * file. Only pictures count: a lossless (SOF3) JPEG in a RAW holds sensor data, not a preview.
 */
final class JpegSize {
  private JpegSize() {}

  record Size(int width, int height) {
    long pixels() {
      return (long) width * height;
    }
  }

  static Optional<Size> of(FileChannel channel, long offset, long length) throws IOException {
    long end = Math.min(channel.size(), offset + length);
    if (offset < 0 || offset + 4 > end) return Optional.empty();
    ByteBuffer soi = Tiff.readAt(channel, offset, 2, ByteOrder.BIG_ENDIAN);
    if ((soi.getShort(0) & 0xFFFF) != 0xFFD8) return Optional.empty();
    long position = offset + 2;
    for (int segments = 0; position + 4 <= end && segments < 64; segments++) {
      ByteBuffer marker = Tiff.readAt(channel, position, 4, ByteOrder.BIG_ENDIAN);
      if ((marker.get(0) & 0xFF) != 0xFF) return Optional.empty();
      int type = marker.get(1) & 0xFF;
      int segmentLength = marker.getShort(2) & 0xFFFF;
      if (type == 0xC0 || type == 0xC1 || type == 0xC2) {
        if (position + 9 > end) return Optional.empty();
        ByteBuffer frame = Tiff.readAt(channel, position + 5, 4, ByteOrder.BIG_ENDIAN);
        int height = frame.getShort(0) & 0xFFFF;
        int width = frame.getShort(2) & 0xFFFF;
        return width > 0 && height > 0 ? Optional.of(new Size(width, height)) : Optional.empty();
      }
      if (type == 0xDA || (type >= 0xC3 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC)) {
        return Optional.empty(); // scan data before a usable frame header, or lossless / hierarchical coding
      }
      if (segmentLength < 2) return Optional.empty();
      position += 2 + segmentLength;
    }
    return Optional.empty();
  }
}
