package frame.core.media.codec.heif;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/** Reads one item's bytes through a HEIF {@code iloc} box (file-offset items only). */
final class ItemLocations {
  private ItemLocations() {}

  static Optional<byte[]> read(FileChannel channel, ByteBuffer iloc, int wanted, int maxBytes) throws IOException {
    int version = iloc.get(0);
    iloc.position(4);
    int sizes = iloc.get() & 0xFF;
    int offsetSize = sizes >> 4;
    int lengthSize = sizes & 0xF;
    int more = iloc.get() & 0xFF;
    int baseOffsetSize = more >> 4;
    int indexSize = version >= 1 ? more & 0xF : 0;
    long items = version < 2 ? iloc.getShort() & 0xFFFF : Integer.toUnsignedLong(iloc.getInt());
    for (long i = 0; i < items; i++) {
      int id = version < 2 ? iloc.getShort() & 0xFFFF : iloc.getInt();
      int construction = version >= 1 ? iloc.getShort() & 0xF : 0;
      iloc.getShort(); // data reference index
      long base = number(iloc, baseOffsetSize);
      int extents = iloc.getShort() & 0xFFFF;
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      for (int e = 0; e < extents; e++) {
        number(iloc, indexSize);
        long offset = base + number(iloc, offsetSize);
        long length = number(iloc, lengthSize);
        if (id != wanted) continue;
        if (construction != 0 || length <= 0 || data.size() + length > maxBytes || offset + length > channel.size()) {
          return Optional.empty();
        }
        data.writeBytes(HeifBoxes.read(channel, offset, (int) length).array());
      }
      if (id == wanted) return Optional.of(data.toByteArray());
    }
    return Optional.empty();
  }

  private static long number(ByteBuffer buffer, int size) {
    return switch (size) {
      case 0 -> 0;
      case 4 -> Integer.toUnsignedLong(buffer.getInt());
      case 8 -> buffer.getLong();
      default -> throw new IllegalArgumentException("iloc field of " + size + " bytes");
    };
  }
}
