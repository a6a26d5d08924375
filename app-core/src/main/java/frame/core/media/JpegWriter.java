package frame.core.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import frame.core.media.jpeg.ProgressiveJpegEncoder;
import frame.core.media.turbo.TurboJpeg;
import java.util.Optional;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes sRGB JPEGs (4:2:0) at a given quality: with libjpeg-turbo when it is there (SIMD, and
 * its progressive mode is cheap), else baseline through ImageIO and progressive with our own
 * encoder. The qualities mean the same on every path (the IJG scaling of the standard tables).
 */
public final class JpegWriter {
  private JpegWriter() {}

  public static void write(BufferedImage image, float quality, boolean progressive, OutputStream out)
      throws IOException {
    Optional<TurboJpeg> turbo = TurboJpeg.available();
    if (turbo.isPresent()) {
      turbo.get().encode(ImageDecoder.toRgb(image), Math.round(quality * 100), progressive, out);
      return;
    }
    writeWithJava(image, quality, progressive, out);
  }

  /** Our Java encoder (progressive) or ImageIO (baseline): the path without the native library. */
  public static void writeWithJava(BufferedImage image, float quality, boolean progressive, OutputStream out)
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
