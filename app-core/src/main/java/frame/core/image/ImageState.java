package frame.core.image;

import java.util.EnumSet;
import java.util.Set;

/** An image's lifecycle, with the one table of allowed transitions. */
public enum ImageState {
  UPLOADED,
  INGESTED,
  PROCESSING,
  PROCESSED,
  FAILED;

  public Set<ImageState> next() {
    return switch (this) {
      case UPLOADED -> EnumSet.of(INGESTED, FAILED);
      case INGESTED -> EnumSet.of(PROCESSING, FAILED);
      case PROCESSING -> EnumSet.of(PROCESSED, FAILED);
      case PROCESSED, FAILED -> EnumSet.noneOf(ImageState.class);
    };
  }

  public boolean canBecome(ImageState target) {
    return next().contains(target);
  }

  public boolean isFinal() {
    return this == PROCESSED || this == FAILED;
  }
}
