package frame.core.api.library;

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
      // back through the steps: an admin regenerates the files
      case PROCESSED -> EnumSet.of(PROCESSING);
      // an admin retries the failed step (the first one: INGESTED) or regenerates
      case FAILED -> EnumSet.of(INGESTED, PROCESSING);
    };
  }

  public boolean canBecome(ImageState target) {
    return next().contains(target);
  }

  /** Done, until an admin sends it back through the steps. */
  public boolean isFinal() {
    return this == PROCESSED || this == FAILED;
  }
}
