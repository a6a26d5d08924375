package frame.core.media.jpeg;

/**
 * Encodes one scan of a progressive JPEG made only of first scans (spectral selection, no
 * successive approximation): the DC scan of all components, or one band of AC coefficients of
 * one component with end-of-band runs (G.1.2.2). The symbols are recorded and counted as they
 * are made; the optimal tables are built from the counts, and then the record is written.
 */
final class ScanEncoder {
  final long[][] frequencies = new long[2][256];
  /** Per symbol: table << 28 | extra bits' length << 24 | symbol << 16 | extra bits. */
  private int[] record = new int[1 << 16];
  private int recorded;
  private int endOfBandRun;

  /** Coefficients are in natural order, 64 a block; {@code block} is the block's index in them. */
  void dc(short[] coefficients, int block, int[] predictors, int component, int table) {
    int value = coefficients[block * 64];
    int diff = value - predictors[component];
    predictors[component] = value;
    int size = 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
    symbol(table, size, diff < 0 ? diff - 1 : diff, size);
  }

  /**
   * One block's band {@code start..end}. {@code nonZero} has bit k set where coefficient k (zigzag)
   * is not zero: the loop visits only those, since most of a band is zeros.
   */
  void acBand(short[] coefficients, int block, long nonZero, int start, int end) {
    long band = nonZero & (-1L << start) & (-1L >>> (63 - end));
    if (band == 0) {
      if (++endOfBandRun == 0x7FFF) endBandRun();
      return;
    }
    int base = block * 64;
    int previous = start - 1;
    while (band != 0) {
      int k = Long.numberOfTrailingZeros(band);
      band &= band - 1;
      int run = k - previous - 1;
      previous = k;
      int value = coefficients[base + Zigzag.NATURAL[k]];
      if (endOfBandRun > 0) endBandRun();
      for (; run > 15; run -= 16) symbol(0, 0xF0, 0, 0);
      int size = 32 - Integer.numberOfLeadingZeros(Math.abs(value));
      symbol(0, (run << 4) | size, value < 0 ? value - 1 : value, size);
    }
    if (previous < end && ++endOfBandRun == 0x7FFF) endBandRun();
  }

  /**
   * For each 64-coefficient block (natural order), the bits of its coefficients that are not
   * zero, bit k for zigzag position k: found in natural order (a straight pass over the block),
   * then moved to their zigzag places, which costs only as many steps as there are non-zeros.
   */
  static long[] nonZero(short[] coefficients) {
    long[] masks = new long[coefficients.length / 64];
    for (int b = 0; b < masks.length; b++) {
      long natural = 0;
      int base = b * 64;
      for (int n = 0; n < 64; n++) natural |= (coefficients[base + n] != 0 ? 1L : 0L) << n;
      long zigzag = 0;
      while (natural != 0) {
        zigzag |= 1L << Zigzag.ZIGZAG[Long.numberOfTrailingZeros(natural)];
        natural &= natural - 1;
      }
      masks[b] = zigzag;
    }
    return masks;
  }

  /** Ends the scan: records a pending end-of-band run. */
  void finish() {
    if (endOfBandRun > 0) endBandRun();
  }

  /** Writes what was recorded with codes built from its counts, padded to a byte. */
  void writeTo(BitWriter writer, HuffmanCode[] codes) {
    for (int i = 0; i < recorded; i++) {
      int entry = record[i];
      HuffmanCode code = codes[entry >>> 28];
      int symbol = (entry >> 16) & 0xFF;
      int size = (entry >> 24) & 15;
      writer.write((code.code[symbol] << size) | (entry & ((1 << size) - 1)), code.length[symbol] + size);
    }
    writer.flush();
  }

  private void endBandRun() {
    int size = 31 - Integer.numberOfLeadingZeros(endOfBandRun);
    symbol(0, size << 4, endOfBandRun, size);
    endOfBandRun = 0;
  }

  private void symbol(int table, int symbol, int bits, int size) {
    frequencies[table][symbol]++;
    if (recorded == record.length) record = java.util.Arrays.copyOf(record, recorded * 2);
    record[recorded++] = (table << 28) | (size << 24) | (symbol << 16) | (bits & 0xFFFF);
  }
}
