package frame.server.tus;

import frame.server.error.ApiError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Appends one PATCH body to an upload's bytes. Without a checksum the bytes are made durable
 * (fsync, then the state file) every {@code checkpointBytes} and when the body ends, also when the
 * client vanishes mid-body, so a retry continues from there. With {@code Upload-Checksum} nothing
 * counts until the whole body matched; a mismatch cuts the bytes back and answers 460.
 */
final class ChunkWriter {
  private final TusStore store;
  private final long checkpointBytes;

  ChunkWriter(TusStore store, long checkpointBytes) {
    this.store = store;
    this.checkpointBytes = checkpointBytes;
  }

  TusUpload append(TusUpload upload, InputStream in, UploadChecksum checksum, Instant expiresAt) throws IOException {
    long start = upload.offset();
    long room = upload.length() - start;
    MessageDigest digest = checksum == null ? null : sha256();
    TusUpload current = upload;
    try (FileChannel channel = FileChannel.open(store.bytesOf(upload.id()), StandardOpenOption.WRITE)) {
      channel.position(start);
      byte[] buffer = new byte[256 * 1024];
      long written = 0;
      long sinceCheckpoint = 0;
      IOException broken = null;
      try {
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
          if (written + n > room) {
            channel.truncate(start);
            store.save(current.at(start, expiresAt));
            throw ApiError.badRequest("past_upload_length", "The body runs past Upload-Length; nothing of it was kept.");
          }
          ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
          while (bytes.hasRemaining()) channel.write(bytes);
          if (digest != null) digest.update(buffer, 0, n);
          written += n;
          sinceCheckpoint += n;
          if (digest == null && sinceCheckpoint >= checkpointBytes) {
            channel.force(false);
            current = store.save(current.at(start + written, expiresAt));
            sinceCheckpoint = 0;
          }
        }
      } catch (IOException e) {
        broken = e; // the client went away: keep what is whole, unless a checksum must cover it
      }
      if (digest != null && (broken != null || !checksum.matches(digest.digest()))) {
        channel.truncate(start);
        if (broken != null) throw broken;
        throw new ApiError(460, "checksum_mismatch", "The bytes do not match Upload-Checksum; nothing of them was kept.");
      }
      channel.force(false);
      current = store.save(current.at(start + written, expiresAt));
      if (broken != null) throw broken;
      return current;
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
