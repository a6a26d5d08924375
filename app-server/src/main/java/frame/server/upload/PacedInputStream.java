package frame.server.upload;

import frame.server.error.ApiError;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * An upload's body that must keep a minimum pace: in every {@link #WINDOW} at least
 * {@link #MIN_BYTES_PER_WINDOW} arrive, or the upload is cut off with 408. The connection's idle
 * timeout alone is reset by every byte, so a client sending one byte every few seconds would hold
 * its upload slot for ever; this bounds a stalled upload to one window (plus one idle timeout).
 */
public final class PacedInputStream extends FilterInputStream {
  static final Duration WINDOW = Duration.ofSeconds(10);
  /** 1 KB/s: far below any working Wi-Fi or mobile link. */
  static final long MIN_BYTES_PER_WINDOW = 10 * 1024;

  private long windowStart = System.nanoTime();
  private long bytesInWindow;

  public PacedInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    counted(b < 0 ? 0 : 1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    counted(Math.max(0, n));
    return n;
  }

  private void counted(int n) {
    bytesInWindow += n;
    long now = System.nanoTime();
    if (now - windowStart < WINDOW.toNanos()) return;
    if (bytesInWindow < MIN_BYTES_PER_WINDOW) {
      throw new ApiError(408, "upload_too_slow", "The upload stalled: under " + MIN_BYTES_PER_WINDOW / 1024
          + " KB arrived in " + WINDOW.toSeconds() + " s. Check the connection and send it again.");
    }
    windowStart = now;
    bytesInWindow = 0;
  }
}
