package frame.ui.common;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Decoded thumbnails, the most recently used kept up to a pixel budget (512 px ones are four times
 * the memory of 256 px ones). JavaFX decodes each off the FX thread.
 */
public final class ThumbnailCache {
  private final int capacity;
  private final long pixelBudget;
  private final Map<Path, Image> images = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<Path, Long> pixels = new LinkedHashMap<>();
  private long held;

  /** Keeps up to {@code capacity} pictures, whatever their size (small ones, e.g. the jobs table's). */
  public ThumbnailCache(int capacity) {
    this(capacity, Long.MAX_VALUE);
  }

  private ThumbnailCache(int capacity, long pixelBudget) {
    this.capacity = capacity;
    this.pixelBudget = pixelBudget;
  }

  /** Keeps pictures up to a number of pixels (the grid's, whose tiles go from 128 to 512 px). */
  public static ThumbnailCache ofPixels(long pixelBudget) {
    return new ThumbnailCache(Integer.MAX_VALUE, pixelBudget);
  }

  /** The picture at {@code file}, decoded to fit a square {@code size} px wide. */
  public Image get(Path file, double size) {
    return get(file, (int) Math.ceil(size));
  }

  public Image get(Path file, int size) {
    Image image = images.get(file);
    if (image != null) return image;
    image = new Image(file.toUri().toString(), size, size, true, true, true);
    images.put(file, image);
    long cost = (long) size * size;
    pixels.put(file, cost);
    held += cost;
    var eldest = images.keySet().iterator();
    while ((held > pixelBudget || images.size() > capacity) && images.size() > 1) {
      Path old = eldest.next();
      eldest.remove();
      held -= pixels.remove(old);
    }
    return image;
  }
}
