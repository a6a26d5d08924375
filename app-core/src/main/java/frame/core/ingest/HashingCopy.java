package frame.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Streams bytes to a file while hashing them, then forces them to disk. Never the whole file in memory. */
public final class HashingCopy {
  /** What was copied: its SHA-256, its size, and its first {@code headLength} bytes (for the format sniffer). */
  public record Copied(String sha256, long size, byte[] head, int headLength) {
    /** A file already written and hashed by whoever received it: only its head is read, to sniff its format. */
    static Copied of(Path file, String sha256) throws IOException {
      byte[] head = new byte[FormatSniffer.HEAD_BYTES];
      int headLength;
      try (InputStream in = Files.newInputStream(file)) {
        headLength = in.readNBytes(head, 0, head.length);
      }
      return new Copied(sha256, Files.size(file), head, headLength);
    }
  }

  private HashingCopy() {}

  /** Copies {@code in} to the new file {@code target} (it must not exist), hashing on the way; forced to disk. */
  public static Copied copy(InputStream in, Path target) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] head = new byte[FormatSniffer.HEAD_BYTES];
    int headLength = 0;
    long size = 0;
    byte[] buffer = new byte[256 * 1024];
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      int read;
      // whole buffers, so every write but the last covers whole pages: a write that ends
      // mid-page makes the file system zero the page's rest first, only to copy over it next
      while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
        if (headLength < head.length) {
          int take = Math.min(read, head.length - headLength);
          System.arraycopy(buffer, 0, head, headLength, take);
          headLength += take;
        }
        sha256.update(buffer, 0, read);
        out.write(buffer, 0, read);
        size += read;
      }
      out.flush();
      channel.force(true);
    }
    return new Copied(HexFormat.of().formatHex(sha256.digest()), size, head, headLength);
  }
}
