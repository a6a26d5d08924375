package frame.core.media.codec.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Fujifilm RAF: a fixed header whose words at 84 and 88 give the offset and length of a full
 * JPEG (with its own EXIF, which is where a RAF's orientation lives).
 */
final class RafPreview {
  private static final int JPEG_POINTER = 84;

  private RafPreview() {}

  static Optional<EmbeddedPreview> largest(FileChannel channel) throws IOException {
    if (channel.size() < JPEG_POINTER + 8) return Optional.empty();
    ByteBuffer pointer = Tiff.readAt(channel, JPEG_POINTER, 8, ByteOrder.BIG_ENDIAN);
    long offset = Integer.toUnsignedLong(pointer.getInt(0));
    long length = Integer.toUnsignedLong(pointer.getInt(4));
    EmbeddedPreview preview = TiffPreviews.candidate(channel, offset, length, 1);
    if (preview == null) return Optional.empty();
    int orientation = JpegExif.orientation(channel, offset, length);
    return Optional.of(new EmbeddedPreview(offset, length, preview.width(), preview.height(), orientation));
  }
}
