package frame.core.media.jpeg;

/**
 * One colour component of a frame and, once its scan starts, where its pixels go: a plane at the
 * decoded scale. Each block is area-averaged down to that scale; a subsampled component whose
 * own resolution is already below it (chroma at full size) is decoded whole and upsampled.
 */
final class JpegComponent {
  final int id;
  final int horizontal;
  final int vertical;
  final int quantisationTable;

  HuffmanTable dc;
  HuffmanTable ac;
  float[] multipliers;
  int predictor;
  int averageX;
  int averageY;
  int blockWidth;
  int blockHeight;
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

  /** Writes the pixels of the block at block column {@code bx} and row {@code by} of this component. */
  void writeBlock(int[] coef, boolean flat, int bx, int by, float[] work) {
    int at = by * blockHeight * planeWidth + bx * blockWidth;
    if (flat) Idct.flat(coef[0], multipliers, plane, at, planeWidth, blockWidth, blockHeight);
    else if (averageX == 1 && averageY == 1) Idct.full(coef, multipliers, plane, at, planeWidth, work);
    else if (averageX == 2 && averageY == 2) Idct.half(coef, multipliers, plane, at, planeWidth, work);
    else Idct.block(coef, multipliers, averageX, averageY, plane, at, planeWidth, work);
  }

  void use(HuffmanTable dc, HuffmanTable ac, int[] quantisation, JpegFrame frame, int denominator) {
    this.dc = dc;
    this.ac = ac;
    // this component's pixels per picture pixel at the decoded scale, per direction: 1/n or n
    int sharedX = denominator * horizontal;
    int sharedY = denominator * vertical;
    averageX = Math.max(1, sharedX / frame.maxHorizontal());
    averageY = Math.max(1, sharedY / frame.maxVertical());
    upShiftX = Integer.numberOfTrailingZeros(Math.max(1, frame.maxHorizontal() / sharedX));
    upShiftY = Integer.numberOfTrailingZeros(Math.max(1, frame.maxVertical() / sharedY));
    blockWidth = 8 / averageX;
    blockHeight = 8 / averageY;
    planeWidth = frame.mcusWide() * horizontal * blockWidth;
    plane = new byte[planeWidth * frame.mcusHigh() * vertical * blockHeight];
    multipliers = Idct.multipliers(quantisation);
    predictor = 0;
  }
}
