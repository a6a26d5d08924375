package frame.ui.library;

import frame.core.image.ImageState;

/** Where a dropped file is, as its tile shows it. */
public enum TileStep {
  UPLOADING, INGESTED, PROCESSING, PROCESSED, FAILED, REJECTED, DUPLICATE;

  static TileStep of(ImageState state) {
    return switch (state) {
      case UPLOADED -> UPLOADING;
      case INGESTED -> INGESTED;
      case PROCESSING -> PROCESSING;
      case PROCESSED -> PROCESSED;
      case FAILED -> FAILED;
    };
  }

  public boolean isFinal() {
    return this == PROCESSED || this == FAILED || this == REJECTED || this == DUPLICATE;
  }

  public boolean isProblem() {
    return this == FAILED || this == REJECTED;
  }
}
