package frame.core;

import frame.core.image.Image;
import frame.core.media.Renditions;
import frame.core.store.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where an image's original and derived files are; a derived file exists only once made. */
public record ImageFiles(Path original, Map<Integer, Path> thumbnails, Path preview) {

  static ImageFiles of(FileStore store, Image image) {
    Map<Integer, Path> thumbnails = new LinkedHashMap<>();
    for (int i = Renditions.THUMBNAIL_SIZES.length - 1; i >= 0; i--) {
      int size = Renditions.THUMBNAIL_SIZES[i];
      thumbnails.put(size, store.thumbnail(image.sha256(), size));
    }
    return new ImageFiles(store.original(image.sha256(), image.format()), Map.copyOf(thumbnails),
        store.preview(image.sha256()));
  }

  public Optional<Path> thumbnail(int size) {
    return Optional.ofNullable(thumbnails.get(size)).filter(Files::isRegularFile);
  }

  public Optional<Path> existingPreview() {
    return Optional.of(preview).filter(Files::isRegularFile);
  }
}
