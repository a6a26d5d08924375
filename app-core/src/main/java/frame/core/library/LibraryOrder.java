package frame.core.library;

/** The orders the library grid offers; ids break ties so pages never overlap. */
public enum LibraryOrder {
  ADDED_NEWEST("Newest added first", "id DESC"),
  TAKEN_NEWEST("Newest taken first", "taken_at DESC NULLS LAST, id DESC"),
  TAKEN_OLDEST("Oldest taken first", "taken_at ASC NULLS LAST, id ASC");

  private final String label;
  final String sql;

  LibraryOrder(String label, String sql) {
    this.label = label;
    this.sql = sql;
  }

  @Override
  public String toString() {
    return label;
  }
}
