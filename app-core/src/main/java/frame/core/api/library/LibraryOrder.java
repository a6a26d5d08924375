package frame.core.api.library;

/** The orders the library grid offers; ids break ties so pages never overlap. */
public enum LibraryOrder {
  ADDED_NEWEST("Newest added first"),
  TAKEN_NEWEST("Newest taken first"),
  TAKEN_OLDEST("Oldest taken first");

  private final String label;

  LibraryOrder(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
