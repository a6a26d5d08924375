package frame.core.media.jpeg;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/** JPEGs as cameras and other tools write them, made by the JDK's encoder through its metadata. */
final class JpegVariants {
  private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

  private JpegVariants() {}

  /** YCbCr with the luma sampled {@code h} x {@code v} (2x2 is 4:2:0, 2x1 4:2:2, 1x1 4:4:4). */
  static byte[] jpeg(BufferedImage image, int h, int v, int restartInterval, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
         ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.92f);
      param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
      IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
      IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
      NodeList components = root.getElementsByTagName("componentSpec");
      if (components.getLength() == 3) {
        ((IIOMetadataNode) components.item(0)).setAttribute("HsamplingFactor", Integer.toString(h));
        ((IIOMetadataNode) components.item(0)).setAttribute("VsamplingFactor", Integer.toString(v));
      }
      if (restartInterval > 0) {
        IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode dri = new IIOMetadataNode("dri");
        dri.setAttribute("interval", Integer.toString(restartInterval));
        markers.insertBefore(dri, markers.getFirstChild());
      }
      metadata.setFromTree(FORMAT, root);
      writer.write(null, new IIOImage(image, null, metadata), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  static BufferedImage gray(BufferedImage rgb) {
    BufferedImage gray = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    gray.getGraphics().drawImage(rgb, 0, 0, null);
    return gray;
  }

  static BufferedImage solid(int width, int height, int rgb) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, rgb);
    return image;
  }

  static BufferedImage decodeWithImageIo(byte[] jpeg) {
    try {
      BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
      BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics().drawImage(image, 0, 0, null);
      return rgb;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
