package frame.server.localsend;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * A file's body as announced at prepare-upload: exactly {@code size} bytes. A body that ends
 * early, runs long or whose session was cancelled fails the read, so ingest stores nothing.
 */
final class ExactBytes extends FilterInputStream {
  private final long size;
  private final BooleanSupplier cancelled;
  private long read;

  ExactBytes(InputStream in, long size, BooleanSupplier cancelled) {
    super(in);
    this.size = size;
    this.cancelled = cancelled;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (cancelled.getAsBoolean()) throw new IOException("The sender cancelled the session");
    int n = super.read(buffer, offset, length);
    // a read that was waiting when the sender cancelled ends with the cancellation, not a short file
    if (cancelled.getAsBoolean()) throw new IOException("The sender cancelled the session");
    if (n == -1) {
      if (read != size) throw new IOException("The file ended after " + read + " of " + size + " bytes");
      return -1;
    }
    read += n;
    if (read > size) throw new IOException("The file is longer than the " + size + " bytes announced");
    return n;
  }
}
