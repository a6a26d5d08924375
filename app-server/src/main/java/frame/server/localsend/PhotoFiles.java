package frame.server.localsend;

import frame.core.api.library.ImageFormat;
import java.util.Locale;
import java.util.Optional;

/** Which offered files FRAME takes: photos by type or extension; anything else, with the reason. */
final class PhotoFiles {
  private PhotoFiles() {}

  /** Empty when the file is a photo FRAME reads; otherwise why it is refused. */
  static Optional<String> refusal(Messages.FileInfo file) {
    if (file.size() <= 0) return Optional.of("empty file");
    String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    for (ImageFormat format : ImageFormat.values()) {
      if (format.extension().equals(extension) || (extension.equals("jpeg") && format == ImageFormat.JPEG)) {
        return Optional.empty();
      }
    }
    String type = file.fileType() == null ? "" : file.fileType().toLowerCase(Locale.ROOT);
    if (type.startsWith("image/") && !type.equals("image/svg+xml")) return Optional.empty();
    return Optional.of("not a photo FRAME reads (" + (type.isEmpty() ? name : type) + ")");
  }
}
