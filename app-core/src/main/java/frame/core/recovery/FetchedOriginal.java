package frame.core.recovery;

import frame.core.api.library.ImageFormat;
import frame.core.ingest.FormatSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An original read whole from the archive into a temporary file, hashed on the way, forced to disk. */
record FetchedOriginal(Path file, String sha256, long size, byte[] head) {

  static FetchedOriginal copy(InputStream in, Path part) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] head = new byte[FormatSniffer.HEAD_BYTES];
    int headLength = 0;
    long size = 0;
    byte[] buffer = new byte[256 * 1024];
    try (in; FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      for (int read; (read = in.readNBytes(buffer, 0, buffer.length)) > 0; size += read) {
        if (headLength < head.length) {
          int take = Math.min(read, head.length - headLength);
          System.arraycopy(buffer, 0, head, headLength, take);
          headLength += take;
        }
        digest.update(buffer, 0, read);
        out.write(buffer, 0, read);
      }
      out.flush();
      channel.force(true);
    }
    return new FetchedOriginal(part, HexFormat.of().formatHex(digest.digest()), size,
        java.util.Arrays.copyOf(head, headLength));
  }

  /** Its format, from its first bytes (a clear error for a file that is no image FRAME takes). */
  ImageFormat sniff() {
    return FormatSniffer.sniff(file, head, head.length);
  }
}
