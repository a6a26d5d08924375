package frame.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code drawn with Unicode half blocks, two modules per character cell. Light modules are
 * drawn and dark ones left blank, so it reads on the usual dark terminal; a quiet zone of four
 * modules keeps phone cameras happy.
 */
final class TerminalQr {
  private TerminalQr() {}

  static String of(String text) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot draw a QR code of " + text, e);
    }
    StringBuilder out = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y += 2) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        boolean top = !matrix.get(x, y);
        boolean bottom = y + 1 >= matrix.getHeight() || !matrix.get(x, y + 1);
        out.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
      }
      out.append('\n');
    }
    return out.toString();
  }
}
