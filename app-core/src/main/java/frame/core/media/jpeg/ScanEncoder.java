package frame.core.media.jpeg;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Encodes one scan of a progressive JPEG made only of first scans (spectral selection, no
 * successive approximation): the DC scan of all components, or one band of AC coefficients of
 * one component with end-of-band runs (G.1.2.2). The symbols are recorded and counted as they
 * are made; the optimal tables are built from the counts, and then the record is written.
 */
final class ScanEncoder {
  /** Coefficient i of the four in lane i on any machine; a lane's bytes swapped (big-endian) are as zero or not. */
  private static final ValueLayout.OfLong FOUR_COEFFICIENTS =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_15 = 0x7FFF_7FFF_7FFF_7FFFL;
  private static final long TOP_BIT = 0x8000_8000_8000_8000L;
  /** Moves bit 16i of a word to bit 45 + i (no two products meet, so nothing carries). */
  private static final long GATHER = 1L | 1L << 15 | 1L << 30 | 1L << 45;

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
   * zero, bit k for zigzag position k: found in natural order, four coefficients at a time, then
   * moved to their zigzag places, which costs only as many steps as there are non-zeros.
   */
  static long[] nonZero(short[] coefficients) {
    long[] masks = new long[coefficients.length / 64];
    MemorySegment words = MemorySegment.ofArray(coefficients);
    for (int b = 0; b < masks.length; b++) {
      long natural = 0;
      long at = b * 128L;
      for (int q = 0; q < 16; q++, at += 8) natural |= nonZeroLanes(words.get(FOUR_COEFFICIENTS, at)) << (4 * q);
      long zigzag = 0;
      while (natural != 0) {
        zigzag |= 1L << Zigzag.ZIGZAG[Long.numberOfTrailingZeros(natural)];
        natural &= natural - 1;
      }
      masks[b] = zigzag;
    }
    return masks;
  }

  /**
   * Four 16-bit coefficients (the first in the low bits) to four bits, bit i set where
   * coefficient i is not zero: a lane's low 15 bits plus 0x7FFF reach its top bit unless they
   * are all zero, and the lane's own top bit is its sign.
   */
  static long nonZeroLanes(long four) {
    long set = ((four & LOW_15) + LOW_15 | four) & TOP_BIT;
    return (set >>> 15) * GATHER >>> 45 & 0xF;
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
