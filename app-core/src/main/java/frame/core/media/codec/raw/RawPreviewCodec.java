package frame.core.media.codec.raw;

import frame.core.api.FrameException;
import frame.core.media.codec.Codec;
import frame.core.media.jpeg.JpegDecoder;
import frame.core.media.jpeg.NotDecodableHere;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Camera RAW through the largest JPEG preview the camera embedded, found by our own container
 * parsing (no native library): the original stays untouched, the pixels are the camera's own
 * rendering, and the orientation comes from the RAW's metadata.
 */
public final class RawPreviewCodec implements Codec {
  @Override
  public String description() {
    return "camera RAW (DNG, CR2, CR3, NEF, ARW, ORF, RAF, RW2, PEF, SRW): embedded previews (Java)";
  }

  @Override
  public Size header(Path file) {
    EmbeddedPreview preview = RawPreviews.largest(file);
    return new Size(preview.width(), preview.height());
  }

  @Override
  public Picture decode(Path file, Size header, long maxPixels, int longest) {
    EmbeddedPreview preview = RawPreviews.largest(file);
    new Size(preview.width(), preview.height()).requireAtMost(maxPixels);
    byte[] jpeg = bytes(file, preview);
    return new Picture(pixels(jpeg, preview, longest), preview.orientation(), Optional.empty());
  }

  private static BufferedImage pixels(byte[] jpeg, EmbeddedPreview preview, int longest) {
    try {
      return JpegDecoder.decode(jpeg, JpegDecoder.scaleFor(preview.width(), preview.height(), longest));
    } catch (NotDecodableHere e) {
      // ImageIO takes the kinds of JPEG our decoder leaves
    }
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
      if (image == null) throw FrameException.corrupt("its embedded preview is not a readable JPEG", null);
      return rgb(image);
    } catch (IOException | RuntimeException e) {
      if (e instanceof FrameException fe) throw fe;
      throw FrameException.corrupt("its embedded preview cannot be decoded (" + e.getMessage() + ")", e);
    }
  }

  private static BufferedImage rgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = rgb.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static byte[] bytes(Path file, EmbeddedPreview preview) {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer data = Tiff.readAt(channel, preview.offset(), (int) preview.length(), ByteOrder.BIG_ENDIAN);
      return data.array();
    } catch (IOException e) {
      throw FrameException.corrupt("its embedded preview cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
