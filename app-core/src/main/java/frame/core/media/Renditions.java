package frame.core.media;

import frame.core.api.library.RenditionSizes;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The derived pictures. Scaling happens before orientation is applied: the centre square and the
 * longest side do not depend on it, and turning a small image is cheaper than a large one.
 */
public final class Renditions {
  public static final int[] THUMBNAIL_SIZES = RenditionSizes.thumbnails();
  public static final int PREVIEW_LONGEST_SIDE = RenditionSizes.PREVIEW_LONGEST_SIDE;
  public static final float THUMBNAIL_QUALITY = 0.80f;
  public static final float PREVIEW_QUALITY = 0.85f;

  private Renditions() {}

  /** Longest side at most 2000 px, never upscaled, upright. */
  public static BufferedImage preview(DecodedImage decoded) throws IOException {
    return decoded.orientation().apply(fit(decoded.pixels(), PREVIEW_LONGEST_SIDE));
  }

  /**
   * The one way a preview is written: a progressive JPEG, which a browser shows whole and blurred
   * at once. Answers, when libjpeg-turbo made it, a baseline file that decodes to exactly its pixels
   * ({@link JpegWriter#writeProgressive}).
   */
  public static Optional<byte[]> writePreview(BufferedImage preview, OutputStream out) throws IOException {
    return JpegWriter.writeProgressive(preview, PREVIEW_QUALITY, out);
  }

  /** The one way a thumbnail is written: a baseline JPEG (small enough that scans would not help). */
  public static void writeThumbnail(BufferedImage thumbnail, OutputStream out) throws IOException {
    JpegWriter.write(thumbnail, THUMBNAIL_QUALITY, false, out);
  }

  /** Scaled so its longest side is at most {@code longest} (by area averaging); never upscaled. */
  public static BufferedImage fit(BufferedImage pixels, int longest) throws IOException {
    return fit(pixels, longest, null);
  }

  /** As {@link #fit(BufferedImage, int)}, {@code step} (when not null) done to each scaled row as it is made. */
  public static BufferedImage fit(BufferedImage pixels, int longest, AreaScale.RowStep step) {
    int width = pixels.getWidth();
    int height = pixels.getHeight();
    if (Math.max(width, height) <= longest) return pixels;
    double scale = (double) longest / Math.max(width, height);
    int w = width >= height ? longest : Math.max(1, (int) Math.round(width * scale));
    int h = height > width ? longest : Math.max(1, (int) Math.round(height * scale));
    return AreaScale.to(pixels, w, h, step);
  }

  /**
   * A square scaled to {@code size}, not yet turned upright (to chain 512 -> 256 -> ...). Exact
   * halvings come first (cheap, and the ideal filter for a factor of two), then area averaging
   * for what is left; a square smaller than the thumbnail is enlarged bicubically.
   */
  public static BufferedImage scaledSquare(BufferedImage square, int size) throws IOException {
    BufferedImage source = square;
    while (source.getWidth() >= 2 * size) source = HalfScale.of(source);
    if (source.getWidth() == size && source != square) return source;
    if (source.getWidth() >= size) return AreaScale.to(source, size, size);
    return enlarged(source, size);
  }

  /** The centre square of a picture, as a view of its pixels (no copy). */
  public static BufferedImage centreSquare(BufferedImage pixels) {
    int side = Math.min(pixels.getWidth(), pixels.getHeight());
    int x = (pixels.getWidth() - side) / 2;
    int y = (pixels.getHeight() - side) / 2;
    return pixels.getSubimage(x, y, side, side);
  }

  private static BufferedImage enlarged(BufferedImage square, int size) {
    BufferedImage enlarged = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = enlarged.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(square, 0, 0, size, size, null);
    } finally {
      g.dispose();
    }
    return enlarged;
  }
}
