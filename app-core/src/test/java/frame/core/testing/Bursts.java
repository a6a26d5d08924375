package frame.core.testing;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.write;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Frames a camera shoots in a burst, made by the test: one scene blurred or moved a little, each
 * a JPEG with a camera and a capture time, so the analysis stacks them and orders them by sharpness.
 */
public final class Bursts {
  private Bursts() {}

  /**
   * Three frames of {@code scene} a second apart on 2 May 2024 from 10:00:00: IMG_0001.jpg
   * blurred, IMG_0002.jpg sharp, IMG_0003.jpg moved 12 pixels.
   */
  public static List<Path> threeFrames(Path card, BufferedImage scene) {
    return List.of(
        shot(card, "IMG_0001.jpg", blurred(scene), "2024:05:02 10:00:00"),
        shot(card, "IMG_0002.jpg", scene, "2024:05:02 10:00:01"),
        shot(card, "IMG_0003.jpg", shifted(scene, 12), "2024:05:02 10:00:02"));
  }

  /** {@code picture} as a Canon EOS 6D JPEG taken at {@code taken} (EXIF "yyyy:MM:dd HH:mm:ss"), written to the card. */
  public static Path shot(Path card, String name, BufferedImage picture, String taken) {
    return write(card, name, new ExifBuilder().camera("Canon", "Canon EOS 6D").dateTaken(taken).into(jpeg(picture)));
  }

  /** The scene drawn again over itself {@code dx} pixels right and half that down: a hand that moved. */
  public static BufferedImage shifted(BufferedImage image, int dx) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.drawImage(image, dx, dx / 2, null);
    g.dispose();
    return out;
  }

  /** A 9 x 9 box blur: a frame the autofocus missed. */
  public static BufferedImage blurred(BufferedImage image) {
    int side = 9;
    float[] weights = new float[side * side];
    Arrays.fill(weights, 1f / weights.length);
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    new ConvolveOp(new Kernel(side, side, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
    return out;
  }
}
