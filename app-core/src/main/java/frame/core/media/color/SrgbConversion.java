package frame.core.media.color;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one colour step: pixels in an embedded ICC profile (Adobe RGB, Display P3, a camera's own
 * space) to sRGB, applied to the working image after scaling, so it costs a preview's pixels and
 * not the original's. The transform itself is the JDK's colour engine (LittleCMS, with the
 * profile's rendering intent), sampled once per profile into a 33x33x33 table. A matrix-and-curves
 * profile, which nearly every camera and phone writes, is then applied as three per-channel sums
 * ({@link ChannelSums}, once they are shown to add up); any other profile with trilinear
 * interpolation in the table. Both stay within about one level of converting every pixel through
 * the engine, at a fraction of the cost. Tagged sRGB is returned as it is.
 */
public final class SrgbConversion {
  private static final int GRID = 33;
  private static final int KEEP = 8;
  private static final Map<String, Transform> TABLES = new LinkedHashMap<>(16, 0.75f, true);

  /** A profile's conversion: its sampled 3D table, and the per-channel sums when they agree with it. */
  private record Transform(float[] table, ChannelSums sums) implements Rows {
    @Override
    public void convert(int[] pixels, int from, int count) {
      if (sums != null) sums.convert(pixels, from, count);
      else throughTable(table, pixels, from, count);
    }
  }

  /** A conversion of 0xRRGGBB pixels where they are, a run at a time (a row as it is made). */
  @FunctionalInterface
  public interface Rows {
    void convert(int[] pixels, int from, int count);
  }

  private SrgbConversion() {}

  /**
   * The conversion of pixels in {@code profile} to sRGB; empty when there is nothing to do: no
   * profile, sRGB already (the common case, known from the profile's bytes alone), or a profile
   * the colour engine cannot use (then the pixels are taken as sRGB, as every viewer would).
   */
  public static Optional<Rows> rowsFor(Optional<byte[]> profile) {
    if (profile.isEmpty() || IccProfiles.isSrgb(profile.get())) return Optional.empty();
    return Optional.ofNullable(transformFor(profile.get()));
  }

  /** The pixels in sRGB: the very same image when there is nothing to do (see {@link #rowsFor}), else a new one. */
  public static BufferedImage toSrgb(BufferedImage pixels, Optional<byte[]> profile) {
    Optional<Rows> rows = rowsFor(profile);
    if (rows.isEmpty()) return pixels;
    BufferedImage out = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
    int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    if (plainIntRgb(pixels)) {
      System.arraycopy(((DataBufferInt) pixels.getRaster().getDataBuffer()).getData(), 0, target, 0, target.length);
    } else {
      pixels.getRGB(0, 0, pixels.getWidth(), pixels.getHeight(), target, 0, pixels.getWidth());
      for (int i = 0; i < target.length; i++) target[i] &= 0xFFFFFF;
    }
    rows.get().convert(target, 0, target.length);
    return out;
  }

  /**
   * {@code pixels} (TYPE_INT_RGB, owning its whole array: a picture just decoded) converted
   * where they are, with no second image; any other image as {@link #toSrgb}.
   */
  public static BufferedImage toSrgbInPlace(BufferedImage pixels, Optional<byte[]> profile) {
    if (!plainIntRgb(pixels)) return toSrgb(pixels, profile);
    Optional<Rows> rows = rowsFor(profile);
    if (rows.isEmpty()) return pixels;
    int[] data = ((DataBufferInt) pixels.getRaster().getDataBuffer()).getData();
    rows.get().convert(data, 0, data.length);
    return pixels;
  }

  /** Whether {@code profile} converts by per-channel sums (the fast form) rather than through the 3D table. */
  static boolean convertsBySums(byte[] profile) {
    Transform transform = transformFor(profile);
    return transform != null && transform.sums() != null;
  }

  /** Through the 3D table, whichever form {@link #toSrgb} would take: so tests hold both forms. */
  static BufferedImage throughTable(BufferedImage pixels, byte[] profile) {
    float[] table = transformFor(profile).table();
    BufferedImage out = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
    int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    pixels.getRGB(0, 0, pixels.getWidth(), pixels.getHeight(), target, 0, pixels.getWidth());
    throughTable(table, target, 0, target.length);
    return out;
  }

  private static Transform transformFor(byte[] profile) {
    String key = java.util.Base64.getEncoder().encodeToString(sha256(profile));
    synchronized (TABLES) {
      Transform cached = TABLES.get(key);
      if (cached != null) return cached;
    }
    Transform transform = sample(profile);
    if (transform == null) return null;
    synchronized (TABLES) {
      TABLES.put(key, transform);
      while (TABLES.size() > KEEP) TABLES.remove(TABLES.keySet().iterator().next());
    }
    return transform;
  }

  /** The engine's sRGB answer for every grid point of the source cube, as r, g, b in 0..255; and the sums if they hold. */
  private static Transform sample(byte[] profileBytes) {
    ColorSpace source;
    try {
      ICC_Profile profile = ICC_Profile.getInstance(profileBytes);
      if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) return null;
      source = new ICC_ColorSpace(profile);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int points = GRID * GRID * GRID;
    java.awt.image.WritableRaster in = java.awt.image.Raster.createInterleavedRaster(
        java.awt.image.DataBuffer.TYPE_USHORT, points, 1, 3, null);
    int i = 0;
    for (int r = 0; r < GRID; r++) {
      for (int g = 0; g < GRID; g++) {
        for (int b = 0; b < GRID; b++, i++) {
          in.setPixel(i, 0, new int[] {level(r), level(g), level(b)});
        }
      }
    }
    java.awt.image.WritableRaster out = in.createCompatibleWritableRaster();
    try {
      new ColorConvertOp(source, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(in, out);
    } catch (RuntimeException e) {
      return null; // a profile the engine cannot use
    }
    float[] table = new float[points * 3];
    int[] pixel = new int[3];
    for (int p = 0; p < points; p++) {
      out.getPixel(p, 0, pixel);
      for (int c = 0; c < 3; c++) table[p * 3 + c] = pixel[c] * (255f / 65535f);
    }
    return new Transform(table, ChannelSums.of(source));
  }

  private static int level(int gridIndex) {
    return Math.round(gridIndex * 65535f / (GRID - 1));
  }

  /** Trilinear interpolation in the sampled table, in place. */
  private static void throughTable(float[] table, int[] pixels, int from, int count) {
    float step = (GRID - 1) / 255f;
    for (int i = from, end = from + count; i < end; i++) {
      int p = pixels[i];
      float fr = ((p >> 16) & 0xFF) * step;
      float fg = ((p >> 8) & 0xFF) * step;
      float fb = (p & 0xFF) * step;
      int r0 = Math.min((int) fr, GRID - 2);
      int g0 = Math.min((int) fg, GRID - 2);
      int b0 = Math.min((int) fb, GRID - 2);
      float dr = fr - r0;
      float dg = fg - g0;
      float db = fb - b0;
      int base = ((r0 * GRID + g0) * GRID + b0) * 3;
      int rgb = 0;
      for (int c = 0; c < 3; c++) {
        int at = base + c;
        float c000 = table[at];
        float c001 = table[at + 3];
        float c010 = table[at + GRID * 3];
        float c011 = table[at + GRID * 3 + 3];
        float c100 = table[at + GRID * GRID * 3];
        float c101 = table[at + GRID * GRID * 3 + 3];
        float c110 = table[at + (GRID * GRID + GRID) * 3];
        float c111 = table[at + (GRID * GRID + GRID) * 3 + 3];
        float c00 = c000 + (c001 - c000) * db;
        float c01 = c010 + (c011 - c010) * db;
        float c10 = c100 + (c101 - c100) * db;
        float c11 = c110 + (c111 - c110) * db;
        float c0 = c00 + (c01 - c00) * dg;
        float c1 = c10 + (c11 - c10) * dg;
        int v = Math.round(c0 + (c1 - c0) * dr);
        rgb = (rgb << 8) | (v < 0 ? 0 : Math.min(255, v));
      }
      pixels[i] = rgb;
    }
  }

  /** A TYPE_INT_RGB image that owns its whole array (not a view): its rows can be read straight. */
  private static boolean plainIntRgb(BufferedImage image) {
    return image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getParent() == null
        && ((DataBufferInt) image.getRaster().getDataBuffer()).getData().length == image.getWidth() * image.getHeight();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
