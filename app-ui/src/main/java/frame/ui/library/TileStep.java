package frame.ui.library;

import frame.core.api.library.ImageState;

/** Where a dropped file is, as its tile shows it: a badge with a shape and a word, not only a colour. */
public enum TileStep {
  UPLOADING("↑", "Uploading"),
  INGESTED("◔", "Stored"),
  PROCESSING("◑", "Processing"),
  PROCESSED("✓", "Ready"),
  FAILED("✕", "Failed"),
  REJECTED("⊘", "Rejected"),
  DUPLICATE("⧉", "Duplicate");

  final String symbol;
  final String word;

  TileStep(String symbol, String word) {
    this.symbol = symbol;
    this.word = word;
  }

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

  /** The CSS class of its badge: state-processed, state-failed, ... */
  String styleClass() {
    return "state-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
