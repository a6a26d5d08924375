package frame.ui.library;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/** Decoded thumbnails, most recently used kept; JavaFX loads each off the FX thread. */
public final class ThumbnailCache {
  private final int capacity;
  private final Map<Path, Image> images;

  public ThumbnailCache(int capacity) {
    this.capacity = capacity;
    this.images = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
        return size() > ThumbnailCache.this.capacity;
      }
    };
  }

  public Image get(Path file, double size) {
    return images.computeIfAbsent(file, f -> new Image(f.toUri().toString(), size, size, true, true, true));
  }
}
