package frame.core.api.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where an image's original and derived files are; a derived file exists only once made. */
public record ImageFiles(Path original, Map<Integer, Path> thumbnails, Path preview) {

  public Optional<Path> thumbnail(int size) {
    return Optional.ofNullable(thumbnails.get(size)).filter(Files::isRegularFile);
  }

  /** The stored original, unless it is not on this computer (freed to save space, or lost). */
  public Optional<Path> existingOriginal() {
    return Optional.of(original).filter(Files::isRegularFile);
  }

  public Optional<Path> existingPreview() {
    return Optional.of(preview).filter(Files::isRegularFile);
  }
}
