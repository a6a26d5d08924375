package frame.ui.library;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Decoded thumbnails, the most recently used kept up to a pixel budget (512 px ones are four times
 * the memory of 256 px ones). JavaFX decodes each off the FX thread.
 */
public final class ThumbnailCache {
  private final long pixelBudget;
  private final Map<Path, Image> images = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<Path, Long> pixels = new LinkedHashMap<>();
  private long held;

  public ThumbnailCache(long pixelBudget) {
    this.pixelBudget = pixelBudget;
  }

  /** The picture at {@code file}, a square rendition {@code size} px wide. */
  public Image get(Path file, int size) {
    Image image = images.get(file);
    if (image != null) return image;
    image = new Image(file.toUri().toString(), size, size, true, true, true);
    images.put(file, image);
    long cost = (long) size * size;
    pixels.put(file, cost);
    held += cost;
    var eldest = images.keySet().iterator();
    while (held > pixelBudget && images.size() > 1) {
      Path old = eldest.next();
      eldest.remove();
      held -= pixels.remove(old);
    }
    return image;
  }
}
