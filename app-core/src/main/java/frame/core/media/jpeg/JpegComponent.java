package frame.core.media.jpeg;

/**
 * One colour component of a frame and, once its scan starts, where its pixels go: a plane at the
 * decoded scale. Every component's blocks use the luma's IDCT size, so subsampled chroma stays
 * as subsampled as it was stored and is repeated to full size: the previews are encoded 4:2:0
 * again, so more chroma detail would be thrown away there, at the cost of a larger transform.
 */
final class JpegComponent {
  private final int id;
  private final int horizontal;
  private final int vertical;
  private final int quantisationTable;

  HuffmanTable dc;
  HuffmanTable ac;
  float[] multipliers;
  int predictor;
  int blockSize;
  int upShiftX;
  int upShiftY;
  int planeWidth;
  byte[] plane;

  JpegComponent(int id, int horizontal, int vertical, int quantisationTable) {
    this.id = id;
    this.horizontal = horizontal;
    this.vertical = vertical;
    this.quantisationTable = quantisationTable;
  }

  int id() {
    return id;
  }

  int horizontal() {
    return horizontal;
  }

  int vertical() {
    return vertical;
  }

  int quantisationTable() {
    return quantisationTable;
  }

  void use(HuffmanTable dc, HuffmanTable ac, int[] quantisation, JpegFrame frame, int denominator) {
    this.dc = dc;
    this.ac = ac;
    blockSize = 8 / denominator;
    upShiftX = Integer.numberOfTrailingZeros(frame.maxHorizontal() / horizontal);
    upShiftY = Integer.numberOfTrailingZeros(frame.maxVertical() / vertical);
    planeWidth = frame.mcusWide() * horizontal * blockSize;
    plane = new byte[planeWidth * frame.mcusHigh() * vertical * blockSize];
    multipliers = Idct.multipliers(quantisation, blockSize);
    predictor = 0;
  }
}
