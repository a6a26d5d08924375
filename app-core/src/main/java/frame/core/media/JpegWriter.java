package frame.core.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import frame.core.media.codec.RgbPixels;
import frame.core.media.jpeg.ProgressiveJpegEncoder;
import frame.core.media.turbo.TurboJpeg;
import frame.core.media.turbo.TurboJpegException;
import java.util.Optional;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes sRGB JPEGs (4:2:0) at a given quality: with libjpeg-turbo when it is there (SIMD), else
 * baseline through ImageIO and progressive with our own encoder. The qualities mean the same on
 * every path (the IJG scaling of the standard tables).
 */
public final class JpegWriter {
  private JpegWriter() {}

  public static void write(BufferedImage image, float quality, boolean progressive, OutputStream out)
      throws IOException {
    if (progressive) {
      writeProgressive(image, quality, out);
      return;
    }
    Optional<TurboJpeg> turbo = TurboJpeg.available();
    if (turbo.isPresent()) turbo.get().encode(RgbPixels.overWhite(image), Math.round(quality * 100), false, out);
    else writeWithJava(image, quality, false, out);
  }

  /**
   * A progressive file, as {@link #write}; answers libjpeg-turbo's baseline file of the very same
   * coefficients when that is how it was made. The scans only reorder coefficients, so the two
   * decode to exactly the same pixels, and the baseline one decodes faster (culling's analysis
   * reads it). Empty on the other paths.
   */
  public static Optional<byte[]> writeProgressive(BufferedImage image, float quality, OutputStream out)
      throws IOException {
    Optional<TurboJpeg> turbo = TurboJpeg.available();
    if (turbo.isEmpty()) {
      writeWithJava(image, quality, true, out);
      return Optional.empty();
    }
    return writeProgressive(turbo.get(), RgbPixels.overWhite(image), Math.round(quality * 100), out);
  }

  /**
   * libjpeg-turbo's progressive mode spends most of its time on successive-approximation scans:
   * about 60 ms for a 2000 px preview against 17 ms for a baseline file. So libjpeg-turbo makes
   * the baseline file (colour, DCT, quantisation, all SIMD), its coefficients are read back
   * losslessly, and our encoder writes them as spectral-selection scans: about 48 ms in all, the
   * same pixels as that baseline file, and a picture a browser shows whole and blurred at once.
   */
  private static Optional<byte[]> writeProgressive(TurboJpeg turbo, BufferedImage rgb, int percent, OutputStream out)
      throws IOException {
    // the file in one array of its own length (no growing buffer and copy of it: less garbage a preview)
    byte[] baseline = turbo.encode(rgb, percent, false);
    try {
      // nothing reaches out unless the whole file was made
      ProgressiveJpegEncoder.write(turbo.coefficients(baseline), percent / 100f, out);
      return Optional.of(baseline);
    } catch (TurboJpegException | IllegalArgumentException e) {
      turbo.encode(rgb, percent, true, out); // the library's own progressive mode, slower but the same picture
      return Optional.empty();
    }
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
