package frame.core.media.jpeg;

/** The JPEG standard's example tables (Annex K), scaled to a quality the way the IJG's cjpeg does. */
final class QuantisationTables {
  private static final int[] LUMA = {
      16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
      14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
      49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
  private static final int[] CHROMA = {
      17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
      47, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
      99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};

  private QuantisationTables() {}

  /** Luma (0) and chroma (1) tables in natural order for a quality from 0.0 to 1.0 (ImageIO's scale). */
  static int[][] forQuality(float quality) {
    int percent = Math.max(1, Math.min(100, Math.round(quality * 100)));
    int scale = percent < 50 ? 5000 / percent : 200 - 2 * percent;
    return new int[][] {scaled(LUMA, scale), scaled(CHROMA, scale)};
  }

  private static int[] scaled(int[] base, int scale) {
    int[] table = new int[64];
    for (int i = 0; i < 64; i++) table[i] = Math.max(1, Math.min(255, (base[i] * scale + 50) / 100));
    return table;
  }
}
