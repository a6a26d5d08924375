package frame.ui.server;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A QR code a phone's camera can read, as a JavaFX image. */
final class QrCodes {
  private QrCodes() {}

  static WritableImage of(String text, int size) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode as a QR code: " + text, e);
    }
    WritableImage image = new WritableImage(matrix.getWidth(), matrix.getHeight());
    PixelWriter pixels = image.getPixelWriter();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) pixels.setColor(x, y, matrix.get(x, y) ? Color.BLACK : Color.WHITE);
    }
    return image;
  }
}
