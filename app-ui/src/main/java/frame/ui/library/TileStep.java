package frame.ui.library;

import frame.core.api.library.ImageState;

/** Where a dropped file is, as its tile shows it: a badge with a shape and a word, not only a colour. */
public enum TileStep {
  UPLOADING("↑", "Uploading", "Uploading"),
  INGESTED("◔", "Stored", "Stored, waiting to process"),
  PROCESSING("◑", "Processing", "Making thumbnails and preview"),
  PROCESSED("✓", "Ready", "Ready"),
  FAILED("✕", "Failed", "Failed"),
  REJECTED("⊘", "Rejected", "Not imported"),
  DUPLICATE("⧉", "Duplicate", "Already in the library");

  final String symbol;
  final String word;
  /** What its tile says under the name when there is nothing more particular to say. */
  final String description;

  TileStep(String symbol, String word, String description) {
    this.symbol = symbol;
    this.word = word;
    this.description = description;
  }

  static TileStep of(ImageState state) {
    return switch (state) {
      case UPLOADED -> UPLOADING;
      case INGESTED -> INGESTED;
      case PROCESSING -> PROCESSING;
      case PROCESSED, STORED -> PROCESSED;
      case FAILED -> FAILED;
    };
  }

  public boolean isFinal() {
    return this == PROCESSED || this == FAILED || this == REJECTED || this == DUPLICATE;
  }

  public boolean isProblem() {
    return this == FAILED || this == REJECTED;
  }

  /** The CSS class of its badge: state-processed, state-failed, ... */
  String styleClass() {
    return "state-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
