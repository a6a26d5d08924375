package frame.core.media;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.util.Optional;

/** Finding a tag among the Exif sub-IFDs: RAW files file their raw SubIFDs under the same type. */
final class Exif {
  private Exif() {}

  /** The Exif sub-IFD that holds {@code tag}, else the first one, else empty. */
  static Optional<ExifSubIFDDirectory> subIfdWith(Metadata metadata, int tag) {
    for (ExifSubIFDDirectory directory : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
      if (directory.containsTag(tag)) return Optional.of(directory);
    }
    return Optional.empty();
  }

  /** The Exif sub-IFD with the camera's settings: the one holding DateTimeOriginal or an exposure, else the first. */
  static ExifSubIFDDirectory settings(Metadata metadata) {
    return subIfdWith(metadata, ExifSubIFDDirectory.TAG_EXPOSURE_TIME)
        .or(() -> subIfdWith(metadata, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL))
        .or(() -> subIfdWith(metadata, ExifSubIFDDirectory.TAG_FNUMBER))
        .orElse(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class));
  }
}
