package frame.core.api.library;

import java.util.EnumSet;
import java.util.Set;

/** An image's lifecycle, with the one table of allowed transitions. */
public enum ImageState {
  UPLOADED,
  INGESTED,
  PROCESSING,
  PROCESSED,
  /** Processed, and every archive target holds a copy that was read back and matched. */
  STORED,
  FAILED;

  public Set<ImageState> next() {
    return switch (this) {
      case UPLOADED -> EnumSet.of(INGESTED, FAILED);
      case INGESTED -> EnumSet.of(PROCESSING, FAILED);
      case PROCESSING -> EnumSet.of(PROCESSED, FAILED);
      // back through the steps: an admin regenerates the files
      // or every archive target now holds a verified copy
      case PROCESSED -> EnumSet.of(PROCESSING, STORED);
      // a copy was lost or a target added (back to PROCESSED), or an admin regenerates
      case STORED -> EnumSet.of(PROCESSED, PROCESSING);
      // an admin retries the failed step (the first one: INGESTED) or regenerates
      case FAILED -> EnumSet.of(INGESTED, PROCESSING);
    };
  }

  public boolean canBecome(ImageState target) {
    return next().contains(target);
  }

  /** Its renditions are made: PROCESSED, or STORED (archived besides). */
  public boolean isProcessed() {
    return this == PROCESSED || this == STORED;
  }

  /** Done, until an admin sends it back through the steps. */
  public boolean isFinal() {
    return this == PROCESSED || this == STORED || this == FAILED;
  }
}
