package frame.core.media.jpeg;

import java.io.ByteArrayOutputStream;

/** Entropy-coded bits into bytes, with a zero stuffed after every 0xFF (F.1.2.3). */
final class BitWriter {
  private final ByteArrayOutputStream out;
  private long buffer;
  private int bits;

  BitWriter(ByteArrayOutputStream out) {
    this.out = out;
  }

  void write(int value, int length) {
    buffer = (buffer << length) | (value & ((1L << length) - 1));
    bits += length;
    while (bits >= 8) {
      int b = (int) (buffer >>> (bits - 8)) & 0xFF;
      out.write(b);
      if (b == 0xFF) out.write(0);
      bits -= 8;
    }
  }

  /** Pads the last byte with ones, as a scan must end. */
  void flush() {
    if (bits > 0) write(0x7F, 8 - bits);
  }
}
