package frame.core.pipeline;

import frame.core.api.library.Image;
import frame.core.media.AreaScale;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.media.Renditions;
import frame.core.media.color.SrgbConversion;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The working image of a photo: decoded once and scaled to about preview size, shared by its
 * preview and thumbnail jobs, which usually run side by side. Decoding the original is the
 * largest cost of the pipeline, so this halves it. Whichever job comes first decodes; the other
 * waits for the same result. Both always start from the same deterministic working image, so a
 * rerun of either gives the same bytes whether or not the other was there to share with.
 */
public final class WorkingImages {
  private static final int KEEP = 4;

  private final ImageDecoder decoder;
  private final Map<String, Shared> shared = new LinkedHashMap<>();

  private record Shared(CompletableFuture<DecodedImage> image, int[] uses) {}

  public WorkingImages(ImageDecoder decoder) {
    this.decoder = decoder;
  }

  DecodedImage of(Image image, Path original) {
    CompletableFuture<DecodedImage> mine = new CompletableFuture<>();
    Shared entry;
    boolean decodeHere;
    synchronized (shared) {
      entry = shared.get(image.sha256());
      decodeHere = entry == null;
      if (decodeHere) {
        entry = new Shared(mine, new int[1]);
        shared.put(image.sha256(), entry);
        while (shared.size() > KEEP) shared.remove(shared.keySet().iterator().next());
      }
      // the preview and the thumbnails: after both have it, it is dropped
      if (++entry.uses()[0] >= 2) shared.remove(image.sha256());
    }
    if (decodeHere) {
      try {
        mine.complete(working(decoder.decode(original, image.format(), longestSide(image.width(), image.height()))));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        synchronized (shared) {
          shared.remove(image.sha256(), entry);
        }
      }
    }
    try {
      return entry.image().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw e;
    }
  }

  private static int longestSide(int width, int height) {
    long longest = Math.max(width, height);
    long shortest = Math.max(1, Math.min(width, height));
    return (int) Math.min(Integer.MAX_VALUE, Math.max(Renditions.PREVIEW_LONGEST_SIDE,
        (Renditions.THUMBNAIL_SIZES[0] * longest + shortest - 1) / shortest));
  }

  /**
   * Scaled so the longest side is the preview's (never upscaled), unless that would leave the
   * short side under the largest thumbnail: a panorama keeps enough height for a sharp square.
   * Then, on those few pixels, the one conversion to sRGB if the file carried another profile:
   * done to each scaled row as it is made, while it is in the cache, with no second image.
   */
  public static DecodedImage working(DecodedImage decoded) {
    BufferedImage pixels = decoded.pixels();
    Optional<SrgbConversion.Rows> toSrgb = SrgbConversion.rowsFor(decoded.iccProfile());
    int target = longestSide(pixels.getWidth(), pixels.getHeight());
    BufferedImage working;
    if (target >= Math.max(pixels.getWidth(), pixels.getHeight())) {
      // the decoder's own fresh picture: nothing else holds it
      working = toSrgb.isEmpty() ? pixels : SrgbConversion.toSrgbInPlace(pixels, decoded.iccProfile());
    } else {
      working = Renditions.fit(pixels, target, toSrgb.<AreaScale.RowStep>map(rows -> rows::convert).orElse(null));
    }
    return new DecodedImage(working, decoded.orientation());
  }
}
