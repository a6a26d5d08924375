package frame.core.media.jpeg;

/** A decoding table: codes of up to 11 bits in one lookup, longer ones by length (F.2.2.3). */
final class HuffmanTable {
  static final int LOOKUP_BITS = 11;

  private final int[] lookup = new int[1 << LOOKUP_BITS];
  /** For AC codes whose value bits fit in the same 11 bits: value << 16 | run << 8 | bits used. */
  final int[] fastAc = new int[1 << LOOKUP_BITS];
  private final int[] maxCode = new int[17];
  private final int[] valueOffset = new int[17];
  private final int[] values;

  /** {@code counts[l]} codes of length l + 1, then the symbols in code order. */
  HuffmanTable(int[] counts, int[] symbols) throws NotDecodableHere {
    values = symbols;
    int code = 0;
    int k = 0;
    for (int length = 1; length <= 16; length++) {
      int count = counts[length - 1];
      valueOffset[length] = k - code;
      for (int i = 0; i < count; i++, k++, code++) {
        if (code >= 1 << length) throw new NotDecodableHere("Huffman table overflows");
        if (length <= LOOKUP_BITS) {
          int shift = LOOKUP_BITS - length;
          int entry = (length << 8) | symbols[k];
          for (int fill = code << shift, end = (code + 1) << shift; fill < end; fill++) lookup[fill] = entry;
        }
      }
      maxCode[length] = count == 0 ? -1 : code - 1;
      code <<= 1;
    }
    for (int peek = 0; peek < lookup.length; peek++) {
      int entry = lookup[peek];
      int length = entry >> 8;
      int size = entry & 15;
      if (entry == 0 || size == 0 || length + size > LOOKUP_BITS) continue;
      int value = (peek >> (LOOKUP_BITS - length - size)) & ((1 << size) - 1);
      if (value < 1 << (size - 1)) value -= (1 << size) - 1;
      fastAc[peek] = (value << 16) | ((entry & 0xF0) << 4) | (length + size);
    }
  }


  int decode(EntropyReader in) throws NotDecodableHere {
    int entry = lookup[in.peek(LOOKUP_BITS)];
    if (entry != 0) {
      in.skip(entry >> 8);
      return entry & 0xFF;
    }
    int next16 = in.peek(16);
    for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
      int code = next16 >>> (16 - length);
      if (code <= maxCode[length]) {
        in.skip(length);
        return values[valueOffset[length] + code];
      }
    }
    throw new NotDecodableHere("bad Huffman code");
  }
}
