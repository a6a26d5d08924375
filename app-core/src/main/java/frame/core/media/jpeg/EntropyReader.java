package frame.core.media.jpeg;

/**
 * The bits of an entropy-coded segment: drops stuffed zero bytes, stops at the next marker and
 * feeds zeros after it, counting them so that a scan which ends early is noticed.
 */
final class EntropyReader {
  private final byte[] data;
  private int position;
  private long buffer;
  private int bits;
  private int marker = -1;
  private int zerosFed;

  EntropyReader(byte[] data, int position) {
    this.data = data;
    this.position = position;
  }

  private void fill() {
    while (bits <= 56) {
      int b = 0;
      if (marker < 0 && position < data.length) {
        b = data[position] & 0xFF;
        if (b != 0xFF) {
          position++;
        } else {
          int next = position + 1 < data.length ? data[position + 1] & 0xFF : 0xD9;
          if (next == 0x00) {
            position += 2;
          } else if (next == 0xFF) {
            position++; // fill byte before a marker
            continue;
          } else {
            marker = next;
            b = 0;
            zerosFed += 8;
          }
        }
      } else {
        zerosFed += 8;
      }
      buffer = (buffer << 8) | b;
      bits += 8;
    }
  }

  /** The next {@code n} (at most 16) bits, not consumed. */
  int peek(int n) {
    if (bits < n) fill();
    return (int) (buffer >>> (bits - n)) & ((1 << n) - 1);
  }

  void skip(int n) {
    bits -= n;
  }

  int bits(int n) {
    int value = peek(n);
    bits -= n;
    return value;
  }

  /** A coefficient of {@code size} bits, sign-extended as JPEG codes it (F.2.2.1). */
  int signed(int size) {
    if (size == 0) return 0;
    int value = bits(size);
    return value < (1 << (size - 1)) ? value - (1 << size) + 1 : value;
  }

  /**
   * Decodes a block's AC coefficients (F.2.2.2) into {@code coef} at their natural positions and
   * lists those positions in {@code written}; returns how many.
   * The hot loop of the decoder: the bit buffer is held in locals, and a code with its value
   * bits in one 11-bit lookup (most of them) costs a table read and a shift.
   */
  int acCoefficients(HuffmanTable table, int[] coef, int[] written) throws NotDecodableHere {
    int[] fastAc = table.fastAc;
    int count = 0;
    long buf = buffer;
    int n = bits;
    for (int k = 1; k < 64; k++) {
      if (n < 27) {
        bits = n;
        fill();
        buf = buffer;
        n = bits;
      }
      int fast = fastAc[(int) (buf >>> (n - HuffmanTable.LOOKUP_BITS)) & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
      if (fast != 0) {
        n -= fast & 0xFF;
        k += (fast >> 8) & 15;
        int at = Zigzag.NATURAL[k];
        coef[at] = fast >> 16;
        written[count++] = at;
        continue;
      }
      bits = n;
      int symbol = table.decode(this);
      int run = symbol >> 4;
      int size = symbol & 15;
      if (size == 0) {
        buf = buffer;
        n = bits;
        if (run != 15) break;
        k += 15;
        continue;
      }
      k += run;
      if (k > 63) throw new NotDecodableHere("coefficient past the block");
      int at = Zigzag.NATURAL[k];
      coef[at] = signed(size);
      written[count++] = at;
      buf = buffer;
      n = bits;
    }
    bits = n;
    return count;
  }

  /** True when the decoder has used bits that were not in the file. */
  boolean ranPastTheData() {
    return zerosFed - bits > 0;
  }

  /** Ends a restart interval: expects the marker RSTn with the given n and goes past it. */
  void restart(int n) throws NotDecodableHere {
    if (ranPastTheData()) throw new NotDecodableHere("a restart interval ends early");
    bits = 0;
    zerosFed = 0;
    if (marker < 0) {
      while (position + 1 < data.length && data[position] == (byte) 0xFF && data[position + 1] == (byte) 0xFF) position++;
      if (position + 1 >= data.length || data[position] != (byte) 0xFF) throw new NotDecodableHere("no restart marker");
      marker = data[position + 1] & 0xFF;
    }
    if (marker != 0xD0 + n) throw new NotDecodableHere("restart marker out of order");
    position += 2;
    marker = -1;
  }
}
