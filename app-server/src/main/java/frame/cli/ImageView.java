package frame.cli;

import frame.core.api.library.ImageFiles;
import frame.core.api.library.Image;
import frame.core.api.culling.ImageMarks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An image as {@code --json} shows it: its row plus where its files are on this computer; a file
 * that is not here (a preview not made yet, an original freed to the archive) is null.
 */
record ImageView(
    long id, String state, String sha256, String format, int width, int height, long byteSize,
    String originalName, String takenAt, String cameraMake, String cameraModel, String failureReason,
    Instant createdAt, Files files,
    int rating, String flag, String label, Long shoot, Long stack, Long stackTop, Double sharpness,
    int stackSize) {

  record Files(String original, Map<Integer, String> thumbnails, String preview) {}

  static ImageView of(ImageFiles files, Image image) {
    return of(files, image, null);
  }

  /** With its culling fields: rating, flag, label, shoot, stack, stackTop, sharpness, stackSize. */
  static ImageView of(ImageFiles files, Image image, ImageMarks marks) {
    ImageMarks m = marks == null ? ImageMarks.none(image.id()) : marks;
    Map<Integer, String> thumbnails = new TreeMap<>();
    for (int size : files.thumbnails().keySet()) files.thumbnail(size).ifPresent(p -> thumbnails.put(size, p.toString()));
    return new ImageView(image.id(), image.state().name(), image.sha256(), image.format().name(), image.width(),
        image.height(), image.byteSize(), image.originalName(), image.takenAt(), image.cameraMake(),
        image.cameraModel(), image.failureReason(), image.createdAt(),
        new Files(files.existingOriginal().map(Path::toString).orElse(null), thumbnails, files.existingPreview().map(Path::toString).orElse(null)),
        m.rating(), m.flag() == null ? null : m.flag().wire(), m.label() == null ? null : m.label().wire(), m.shoot(),
        m.stack(), m.stackTop(), m.sharpness(), m.stackSize());
  }
}
