package frame.core.media;

import frame.core.api.library.RenditionSizes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import net.coobird.thumbnailator.Thumbnails;

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

  /** Scaled so its longest side is at most {@code longest} (by area averaging); never upscaled. */
  public static BufferedImage fit(BufferedImage pixels, int longest) throws IOException {
    int width = pixels.getWidth();
    int height = pixels.getHeight();
    if (Math.max(width, height) <= longest) return pixels;
    double scale = (double) longest / Math.max(width, height);
    int w = width >= height ? longest : Math.max(1, (int) Math.round(width * scale));
    int h = height > width ? longest : Math.max(1, (int) Math.round(height * scale));
    return AreaScale.to(pixels, w, h);
  }

  /**
   * A square scaled to {@code size}, not yet turned upright (to chain 512 -> 256 -> ...). Exact
   * halvings come first (cheap, and the ideal filter for a factor of two), then area averaging
   * for what is left; Thumbnailator only enlarges a square smaller than the thumbnail.
   */
  public static BufferedImage scaledSquare(BufferedImage square, int size) throws IOException {
    BufferedImage source = square;
    while (source.getWidth() >= 2 * size) source = HalfScale.of(source);
    if (source.getWidth() == size && source != square) return source;
    if (source.getWidth() >= size) return AreaScale.to(source, size, size);
    return rgb(Thumbnails.of(source).forceSize(size, size).asBufferedImage());
  }

  /** The centre square of a picture, as a view of its pixels (no copy). */
  public static BufferedImage centreSquare(BufferedImage pixels) {
    int side = Math.min(pixels.getWidth(), pixels.getHeight());
    int x = (pixels.getWidth() - side) / 2;
    int y = (pixels.getHeight() - side) / 2;
    return pixels.getSubimage(x, y, side, side);
  }

  private static BufferedImage rgb(BufferedImage image) {
    return ImageDecoder.toRgb(image);
  }
}
