package frame.core.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import frame.core.media.ExifSegment;
import frame.core.media.JpegWriter;

/**
 * A deterministic corpus of photo-like JPEGs: gradients, shapes and sensor-like noise (so they
 * compress like camera files, not like flat test cards), q92, with a mix of EXIF orientations.
 */
public final class Corpus {
  private Corpus() {}

  /** Makes {@code count} photos of about {@code megapixels} in {@code dir} (reusing ones made before). */
  public static List<Path> generate(Path dir, int count, int megapixels) throws IOException {
    Files.createDirectories(dir);
    int width = (int) Math.round(Math.sqrt(megapixels * 1_000_000 * 4.0 / 3.0));
    int height = width * 3 / 4;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file = dir.resolve("bench-%dmp-%03d.jpg".formatted(megapixels, i));
      if (!Files.exists(file)) Files.write(file, withOrientation(jpeg(photo(width, height, i)), 1 + (i % 8)));
      files.add(file);
    }
    return files;
  }

  /** The photos in a folder the user names (JPEGs only). */
  public static List<Path> of(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase().matches(".*\\.(jpe?g)$")).sorted().toList();
    }
  }

  public static BufferedImage photo(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height, new Color(random.nextInt(0xFFFFFF))));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 400; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF) | (random.nextInt(200) << 24), true));
      int w = 10 + random.nextInt(width / 6);
      int h = 10 + random.nextInt(height / 6);
      if (random.nextBoolean()) g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
      else g.fillRect(random.nextInt(width), random.nextInt(height), w, h);
    }
    g.dispose();
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      int noise = random.nextInt(13) - 6;
      int p = pixels[i];
      int r = clamp(((p >> 16) & 0xFF) + noise);
      int gr = clamp(((p >> 8) & 0xFF) + noise);
      int b = clamp((p & 0xFF) + noise);
      pixels[i] = (r << 16) | (gr << 8) | b;
    }
    return image;
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(255, v);
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JpegWriter.write(image, 0.92f, false, bytes);
    return bytes.toByteArray();
  }

  /** Adds an EXIF block with the orientation tag and a camera name. */
  private static byte[] withOrientation(byte[] jpeg, int orientation) {
    byte[] make = "FRAME bench\0".getBytes(StandardCharsets.US_ASCII);
    java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(8 + 2 + 24 + 4 + make.length);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8).putShort((short) 2);
    tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(8 + 2 + 24 + 4);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0).put(make);
    return ExifSegment.insert(jpeg, tiff.array());
  }
}
