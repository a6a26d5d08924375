package frame.cli.bench;

import frame.core.api.FrameLibrary;
import frame.core.api.bench.Benchmarks;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The photos the bench measures: a folder the user names, or a generated, deterministic set
 * that looks like today's cameras and phones. Sizes cycle through 12 MP (4032x3024, phones),
 * 24 MP (6000x4000), 10 MP (3648x2736) and 8 MP (3264x2448), portrait and landscape; about one in three
 * carries an sRGB ICC profile and one in five a Display P3 one; one in seven is progressive; all
 * eight EXIF orientations occur. The texture is what makes decoding cost what it costs on a
 * camera file: detail at every scale in luma and chroma plus sensor noise, q92, about 3-4 bits
 * a pixel like the sample photos (flat test cards or luma-only noise decode far faster).
 */
public final class Corpus {
  private static final int[][] SIZES = {{4032, 3024}, {6000, 4000}, {3648, 2736}, {3264, 2448}};

  private Corpus() {}

  /** Makes {@code count} photos in {@code dir}, reusing ones made before (same names, same bytes). */
  public static List<Path> generate(Path dir, int count) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) files.add(make(dir, i));
    return files;
  }

  /** Only the 24 MP members of the set (6000x4000), {@code count} of them. */
  public static List<Path> generate24Megapixels(Path dir, int count) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 1; files.size() < count; i += SIZES.length) files.add(make(dir, i));
    return files;
  }

  private static Path make(Path dir, int i) throws IOException {
    Files.createDirectories(dir);
    int[] size = SIZES[i % SIZES.length];
    boolean portrait = i % 7 == 3;
    int width = portrait ? size[1] : size[0];
    int height = portrait ? size[0] : size[1];
    String profile = i % 5 == 2 ? "p3" : i % 3 == 1 ? "srgb" : "none";
    boolean progressive = i % 7 == 5;
    Path file = dir.resolve("bench-%03d-%dx%d-%s%s.jpg".formatted(i, width, height, profile, progressive ? "-progressive" : ""));
    if (!Files.exists(file)) {
      byte[] jpeg = jpeg(photo(width, height, i), progressive);
      byte[] tagged = insertAfterJfif(jpeg, exif(1 + (i % 8)), iccSegment(profile));
      Path partial = dir.resolve(file.getFileName() + ".part");
      Files.write(partial, tagged);
      Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return file;
  }

  /** The JPEGs in a folder the user names (and its subfolders), by name. */
  public static List<Path> of(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase().matches(".*\\.(jpe?g)$")).sorted().toList();
    }
  }

  /**
   * Gradients and shapes for the large forms, fractal value noise (64, 16 and 4 px, partly
   * independent per channel) for texture, and per-channel sensor noise.
   */
  static BufferedImage photo(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height, new Color(random.nextInt(0xFFFFFF))));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 300; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF) | (random.nextInt(200) << 24), true));
      int w = 10 + random.nextInt(width / 6);
      int h = 10 + random.nextInt(height / 6);
      if (random.nextBoolean()) g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
      else g.fillRect(random.nextInt(width), random.nextInt(height), w, h);
    }
    g.dispose();
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    Octave[] octaves = {new Octave(64, 22, width, height, random), new Octave(16, 14, width, height, random),
        new Octave(4, 9, width, height, random)};
    int[] delta = new int[3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        delta[0] = delta[1] = delta[2] = 0;
        for (Octave octave : octaves) octave.add(x, y, delta);
        int p = pixels[y * width + x];
        int r = clamp(((p >> 16) & 0xFF) + delta[0] + random.nextInt(9) - 4);
        int gr = clamp(((p >> 8) & 0xFF) + delta[1] + random.nextInt(9) - 4);
        int b = clamp((p & 0xFF) + delta[2] + random.nextInt(9) - 4);
        pixels[y * width + x] = (r << 16) | (gr << 8) | b;
      }
    }
    return image;
  }

  /** Random values on a grid of {@code cell} px, interpolated: a luma part shared by all channels, and chroma. */
  private static final class Octave {
    final int cell;
    final int columns;
    final float[] luma;
    final float[][] chroma = new float[3][];

    Octave(int cell, int amplitude, int width, int height, Random random) {
      this.cell = cell;
      this.columns = width / cell + 2;
      int size = columns * (height / cell + 2);
      luma = new float[size];
      for (int i = 0; i < size; i++) luma[i] = (random.nextFloat() * 2 - 1) * amplitude;
      for (int c = 0; c < 3; c++) {
        chroma[c] = new float[size];
        for (int i = 0; i < size; i++) chroma[c][i] = (random.nextFloat() * 2 - 1) * amplitude * 0.5f;
      }
    }

    void add(int x, int y, int[] delta) {
      int gx = x / cell;
      int gy = y / cell;
      float fx = (x % cell) / (float) cell;
      float fy = (y % cell) / (float) cell;
      int i = gy * columns + gx;
      float l = lerp(luma, i, fx, fy);
      for (int c = 0; c < 3; c++) delta[c] += Math.round(l + lerp(chroma[c], i, fx, fy));
    }

    private float lerp(float[] grid, int i, float fx, float fy) {
      float top = grid[i] + (grid[i + 1] - grid[i]) * fx;
      float bottom = grid[i + columns] + (grid[i + columns + 1] - grid[i + columns]) * fx;
      return top + (bottom - top) * fy;
    }
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(255, v);
  }

  private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.92f);
      param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** An EXIF block with the orientation tag and a camera name. */
  private static byte[] exif(int orientation) {
    byte[] make = "FRAME bench\0".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 24 + 4 + make.length);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8).putShort((short) 2);
    tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(8 + 2 + 24 + 4);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0).put(make);
    return segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array()));
  }

  private static byte[] iccSegment(String profile) {
    byte[] data = switch (profile) {
      case "srgb" -> ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
      case "p3" -> FrameLibrary.benchmarks().displayP3Profile();
      default -> null;
    };
    if (data == null) return new byte[0];
    byte[] head = concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1});
    return segment(0xE2, concat(head, data));
  }

  private static byte[] segment(int marker, byte[] body) {
    if (body.length + 2 > 0xFFFF) throw new IllegalArgumentException("segment too long");
    return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((body.length + 2) >> 8), (byte) (body.length + 2)}, body);
  }

  /** {@code segments} after SOI and the JFIF APP0 ImageIO writes first. */
  private static byte[] insertAfterJfif(byte[] jpeg, byte[]... segments) {
    int at = 2;
    if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 4096);
    out.write(jpeg, 0, at);
    for (byte[] segment : segments) out.writeBytes(segment);
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
