package frame.server.tus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The running SHA-256 of each unfinished upload's durable bytes, brought up to date as its
 * PATCHes stream, so a finished upload is never read again to be hashed. A state that does not
 * cover exactly the upload's offset (FRAME restarted, or a body was cut back) is rebuilt from the
 * bytes on disk: rare, and never wrong.
 */
final class UploadHashes {
  /** A digest fed with the first {@code covered} bytes of an upload. */
  private record Running(MessageDigest digest, long covered) {}

  private final Map<String, Running> running = new ConcurrentHashMap<>();

  /**
   * A digest of the upload's first {@code offset} bytes, which the caller now owns: it gives it
   * back with {@link #keep} once the bytes it covers are durable. Callers hold the upload's lock.
   */
  MessageDigest take(TusUpload upload, Path bytes) throws IOException {
    Running state = running.remove(upload.id());
    if (state != null && state.covered() == upload.offset()) return state.digest();
    MessageDigest digest = ChunkWriter.sha256();
    byte[] buffer = new byte[1 << 20];
    long left = upload.offset();
    try (InputStream in = Files.newInputStream(bytes)) {
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) throw new IOException("Upload " + upload.id() + " has fewer bytes than its offset " + upload.offset());
        digest.update(buffer, 0, n);
        left -= n;
      }
    }
    return digest;
  }

  /** Remembers a digest that covers the upload's first {@code covered} bytes. */
  void keep(String id, MessageDigest digest, long covered) {
    running.put(id, new Running(digest, covered));
  }

  void forget(String id) {
    running.remove(id);
  }

  /** Forgets the digests of uploads that are gone (terminated, expired). */
  void retainOnly(Predicate<String> live) {
    running.keySet().removeIf(live.negate());
  }
}
