package frame.core.media.jpeg;

/**
 * Encodes one scan of a progressive JPEG made only of first scans (spectral selection, no
 * successive approximation): the DC scan of all components, or one band of AC coefficients of
 * one component with end-of-band runs (G.1.2.2). Run once counting symbols, to build optimal
 * tables, then once writing.
 */
final class ScanEncoder {
  private final BitWriter writer;
  private final HuffmanCode[] codes;
  final long[][] frequencies = new long[2][256];
  private int endOfBandRun;

  /** A counting encoder. */
  ScanEncoder() {
    this(null, null);
  }

  /** A writing encoder with one code per table id. */
  ScanEncoder(BitWriter writer, HuffmanCode[] codes) {
    this.writer = writer;
    this.codes = codes;
  }

  void dc(short[] coefficients, int block, int[] predictors, int component, int table) {
    int value = coefficients[block * 64];
    int diff = value - predictors[component];
    predictors[component] = value;
    int magnitude = Math.abs(diff);
    int size = 32 - Integer.numberOfLeadingZeros(magnitude);
    symbol(table, size);
    if (size > 0) bits(diff < 0 ? diff - 1 : diff, size);
  }

  void acBand(short[] coefficients, int block, int start, int end) {
    int base = block * 64;
    int run = 0;
    for (int k = start; k <= end; k++) {
      int value = coefficients[base + k];
      if (value == 0) {
        run++;
        continue;
      }
      endBandRun();
      while (run > 15) {
        symbol(0, 0xF0);
        run -= 16;
      }
      int size = 32 - Integer.numberOfLeadingZeros(Math.abs(value));
      symbol(0, (run << 4) | size);
      bits(value < 0 ? value - 1 : value, size);
      run = 0;
    }
    if (run > 0 && ++endOfBandRun == 0x7FFF) endBandRun();
  }

  /** Ends the scan: writes a pending end-of-band run and pads to a byte. */
  void finish() {
    endBandRun();
    if (writer != null) writer.flush();
  }

  private void endBandRun() {
    if (endOfBandRun == 0) return;
    int size = 31 - Integer.numberOfLeadingZeros(endOfBandRun);
    symbol(0, size << 4);
    if (size > 0) bits(endOfBandRun, size);
    endOfBandRun = 0;
  }

  private void symbol(int table, int symbol) {
    if (writer == null) frequencies[table][symbol]++;
    else writer.write(codes[table].code[symbol], codes[table].length[symbol]);
  }

  private void bits(int value, int size) {
    if (writer != null) writer.write(value, size);
  }
}
