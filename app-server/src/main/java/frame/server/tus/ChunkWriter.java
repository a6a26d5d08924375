package frame.server.tus;

import frame.server.error.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

/**
 * Appends one PATCH body to an upload's bytes. Without a checksum the bytes are made durable
 * (fsync, then the state file) every {@code checkpointBytes} once a {@link #CHECKPOINT_PAUSE} has
 * passed since the last time, and always when the body ends or the client vanishes mid-body, so a
 * retry continues from there. With {@code Upload-Checksum} nothing counts until the whole body
 * matched; a mismatch cuts the bytes back and answers 460. Every body also feeds the upload's
 * running SHA-256 ({@link UploadHashes}), the content address of the finished file.
 */
final class ChunkWriter {
  /** Checkpoints of a fast body are not worth their fsyncs: its end comes soon and is fsynced anyway. */
  static final Duration CHECKPOINT_PAUSE = Duration.ofSeconds(1);
  /** Bytes gathered before each write: Jetty hands the body over in 8 KB pieces. */
  private static final int BUFFER_BYTES = 1 << 20;

  private final TusStore store;
  private final UploadHashes hashes;
  private final long checkpointBytes;

  ChunkWriter(TusStore store, UploadHashes hashes, long checkpointBytes) {
    this.store = store;
    this.hashes = hashes;
    this.checkpointBytes = checkpointBytes;
  }

  TusUpload append(TusUpload upload, InputStream in, UploadChecksum checksum, Instant expiresAt) throws IOException {
    long start = upload.offset();
    long room = upload.length() - start;
    Path bytes = store.bytesOf(upload.id());
    // the whole file's hash grows with every body, so the finished upload is not read again;
    // it is kept only once the bytes it covers are durable, and rebuilt from them otherwise
    MessageDigest whole = hashes.take(upload, bytes);
    MessageDigest body = checksum == null ? null : sha256();
    TusUpload current = upload;
    try (FileChannel channel = FileChannel.open(bytes, StandardOpenOption.WRITE)) {
      channel.position(start);
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER_BYTES, Math.max(room, 1)));
      long written = 0;
      long sinceCheckpoint = 0;
      long lastCheckpoint = System.nanoTime();
      Filled filled;
      do {
        filled = fill(in, buffer.array());
        int n = filled.length();
        if (written + n > room) {
          channel.truncate(start);
          store.save(current.at(start, expiresAt));
          throw ApiError.badRequest("past_upload_length", "The body runs past Upload-Length; nothing of it was kept.");
        }
        buffer.clear().limit(n);
        while (buffer.hasRemaining()) channel.write(buffer);
        whole.update(buffer.array(), 0, n);
        if (body != null) body.update(buffer.array(), 0, n);
        written += n;
        sinceCheckpoint += n;
        if (body == null && sinceCheckpoint >= checkpointBytes
            && System.nanoTime() - lastCheckpoint >= CHECKPOINT_PAUSE.toNanos()) {
          channel.force(false);
          current = store.save(current.at(start + written, expiresAt));
          sinceCheckpoint = 0;
          lastCheckpoint = System.nanoTime();
        }
      } while (!filled.ended());
      IOException broken = filled.broken(); // the client went away: keep what is whole, unless a checksum must cover it
      if (body != null && (broken != null || !checksum.matches(body.digest()))) {
        channel.truncate(start);
        if (broken != null) throw broken;
        throw new ApiError(460, "checksum_mismatch", "The bytes do not match Upload-Checksum; nothing of them was kept.");
      }
      channel.force(false);
      current = store.save(current.at(start + written, expiresAt));
      hashes.keep(upload.id(), whole, start + written);
      if (broken != null) throw broken;
      return current;
    }
  }

  /** What one {@link #fill} read: its length, whether the body ended, and how, if the client vanished. */
  private record Filled(int length, boolean ended, IOException broken) {}

  /** Reads until the buffer is full or the body ends; bytes read before a broken connection still count. */
  private static Filled fill(InputStream in, byte[] buffer) {
    int n = 0;
    try {
      while (n < buffer.length) {
        int read = in.read(buffer, n, buffer.length - n);
        if (read == -1) return new Filled(n, true, null);
        n += read;
      }
      return new Filled(n, false, null);
    } catch (IOException e) {
      return new Filled(n, true, e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
