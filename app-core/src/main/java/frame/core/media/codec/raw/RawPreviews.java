package frame.core.media.codec.raw;

import frame.core.api.FrameException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Finds a RAW's largest embedded JPEG preview, whichever container the camera wrote. */
final class RawPreviews {
  private RawPreviews() {}

  static EmbeddedPreview largest(Path file) {
    try (FileChannel channel = FileChannel.open(file)) {
      if (channel.size() < 16) throw FrameException.corrupt("it is too short for a camera RAW", null);
      ByteBuffer head = Tiff.readAt(channel, 0, 16, ByteOrder.BIG_ENDIAN);
      String magic = new String(head.array(), StandardCharsets.ISO_8859_1);
      var preview = magic.startsWith("FUJIFILM") ? RafPreview.largest(channel)
          : magic.startsWith("ftypcrx", 4) ? Cr3Preview.largest(channel)
          : TiffPreviews.largest(channel, 0);
      return preview.orElseThrow(() -> new FrameException("raw_no_preview",
          "This RAW file has no embedded JPEG preview FRAME can show", true));
    } catch (IOException | RuntimeException e) {
      if (e instanceof FrameException fe) throw fe;
      throw FrameException.corrupt("its RAW structure cannot be read (" + e + ")", e);
    }
  }
}
