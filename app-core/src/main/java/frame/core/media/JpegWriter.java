package frame.core.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import frame.core.media.jpeg.ProgressiveJpegEncoder;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes sRGB JPEGs at a given quality: baseline through ImageIO, progressive with our own encoder. */
public final class JpegWriter {
  private JpegWriter() {}

  public static void write(BufferedImage image, float quality, boolean progressive, OutputStream out)
      throws IOException {
    if (progressive) {
      ProgressiveJpegEncoder.write(image, quality, out);
      return;
    }
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    if (!writers.hasNext()) throw new IOException("no JPEG encoder available");
    ImageWriter writer = writers.next();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
