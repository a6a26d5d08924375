package frame.core.media.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Entropy-coded bits into bytes, with a zero stuffed after every 0xFF (F.1.2.3). */
final class BitWriter {
  private final ByteArrayOutputStream out;
  private byte[] bytes = new byte[1 << 16];
  private int count;
  private long buffer;
  private int bits;

  BitWriter(ByteArrayOutputStream out) {
    this.out = out;
  }

  /** Up to 32 bits. They are kept until 32 are waiting, then written as bytes (fewer, longer loops). */
  void write(int value, int length) {
    buffer = (buffer << length) | (value & ((1L << length) - 1));
    bits += length;
    if (bits >= 32) emitWholeBytes();
  }

  private void emitWholeBytes() {
    if (count + 16 > bytes.length) bytes = Arrays.copyOf(bytes, bytes.length * 2);
    while (bits >= 8) {
      byte b = (byte) (buffer >>> (bits - 8));
      bytes[count++] = b;
      if (b == (byte) 0xFF) bytes[count++] = 0;
      bits -= 8;
    }
  }

  /** Pads the last byte with ones, as a scan must end, and hands the bytes on. */
  void flush() {
    emitWholeBytes();
    if (bits > 0) {
      write(0x7F, 8 - bits);
      emitWholeBytes();
    }
    out.write(bytes, 0, count);
    count = 0;
  }
}
