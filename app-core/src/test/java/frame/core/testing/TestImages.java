package frame.core.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Generates the photos tests need, in memory; nothing is committed as a binary. */
public final class TestImages {
  public static final Color TOP_LEFT = new Color(220, 30, 30);
  public static final Color TOP_RIGHT = new Color(30, 200, 30);
  public static final Color BOTTOM_LEFT = new Color(30, 30, 220);
  public static final Color BOTTOM_RIGHT = new Color(240, 240, 240);

  private TestImages() {}

  /** Four flat quadrants of distinct colours: which corner is where tells the orientation. */
  public static BufferedImage quadrants(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    fill(g, TOP_LEFT, 0, 0, width / 2, height / 2);
    fill(g, TOP_RIGHT, width / 2, 0, width - width / 2, height / 2);
    fill(g, BOTTOM_LEFT, 0, height / 2, width / 2, height - height / 2);
    fill(g, BOTTOM_RIGHT, width / 2, height / 2, width - width / 2, height - height / 2);
    g.dispose();
    return image;
  }

  /** A photo-like picture: gradients and noise, different for every seed (so no duplicates). */
  public static BufferedImage photo(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
        new Color(random.nextInt(0xFFFFFF))));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillOval(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 4 + 1),
          1 + random.nextInt(height / 4 + 1));
    }
    g.dispose();
    return image;
  }

  /**
   * A busy photo-like picture: a gradient, 400 translucent shapes and sensor-like noise, so it
   * compresses and decodes like a camera file rather than a flat test card. Deterministic per seed.
   */
  public static BufferedImage detailedPhoto(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
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
    int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      int noise = random.nextInt(13) - 6;
      int p = pixels[i];
      int r = Math.clamp(((p >> 16) & 0xFF) + noise, 0, 255);
      int gr = Math.clamp(((p >> 8) & 0xFF) + noise, 0, 255);
      int b = Math.clamp((p & 0xFF) + noise, 0, 255);
      pixels[i] = (r << 16) | (gr << 8) | b;
    }
    return image;
  }

  public static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      frame.core.media.JpegWriter.write(image, 0.92f, false, bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JPEG with {@code profile} embedded as APP2 ICC_PROFILE chunks, right after SOI, as cameras write it. */
  public static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
    int chunkSize = 65519 - 16;
    int chunks = (profile.length + chunkSize - 1) / chunkSize;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    for (int i = 0; i < chunks; i++) {
      int from = i * chunkSize;
      int length = Math.min(chunkSize, profile.length - from);
      int segment = 2 + 12 + 2 + length;
      out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (segment >> 8), (byte) segment});
      out.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.writeBytes(new byte[] {(byte) (i + 1), (byte) chunks});
      out.write(profile, from, length);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Encodes with ImageIO: "png", "gif", "bmp", "tiff". */
  public static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, bytes)) throw new IllegalStateException("no writer for " + format);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The pixels a camera would store for {@code upright} with EXIF orientation {@code o}: turning
   * them by {@code o} gives {@code upright} back.
   */
  public static BufferedImage storedFor(BufferedImage upright, int o) {
    int w = upright.getWidth();
    int h = upright.getHeight();
    boolean swap = o >= 5;
    int sw = swap ? h : w;
    int sh = swap ? w : h;
    BufferedImage stored = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
    // For each upright pixel (x, y), where does it sit in the stored image?
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sx;
        int sy;
        switch (o) {
          case 2 -> { sx = w - 1 - x; sy = y; }
          case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
          case 4 -> { sx = x; sy = h - 1 - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = w - 1 - x; }
          case 7 -> { sx = h - 1 - y; sy = w - 1 - x; }
          case 8 -> { sx = h - 1 - y; sy = x; }
          default -> { sx = x; sy = y; }
        }
        stored.setRGB(sx, sy, upright.getRGB(x, y));
      }
    }
    return stored;
  }

  /** A PNG whose header declares a size but that has no real pixel data. */
  public static byte[] pngDeclaring(int width, int height) {
    java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  public static Path write(Path dir, String name, byte[] bytes) {
    try {
      Files.createDirectories(dir.resolve(name).getParent());
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when two colours are within {@code tolerance} on every channel (JPEG is lossy). */
  public static boolean near(int rgb, Color expected, int tolerance) {
    Color actual = new Color(rgb);
    return Math.abs(actual.getRed() - expected.getRed()) <= tolerance
        && Math.abs(actual.getGreen() - expected.getGreen()) <= tolerance
        && Math.abs(actual.getBlue() - expected.getBlue()) <= tolerance;
  }

  private static void fill(Graphics2D g, Color color, int x, int y, int w, int h) {
    g.setColor(color);
    g.fillRect(x, y, w, h);
  }
}
