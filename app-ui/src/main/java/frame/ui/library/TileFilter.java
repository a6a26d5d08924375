package frame.ui.library;

import java.util.function.Predicate;

/** The library's state filter. */
public enum TileFilter {
  ALL("All", tile -> true),
  IN_PROGRESS("In progress", tile -> !tile.step().get().isFinal()),
  PROCESSED("Processed", tile -> tile.step().get() == TileStep.PROCESSED),
  PROBLEMS("Failed or rejected", tile -> tile.step().get().isProblem()),
  DUPLICATES("Duplicates", tile -> tile.step().get() == TileStep.DUPLICATE);

  private final String label;
  private final Predicate<TileModel> test;

  TileFilter(String label, Predicate<TileModel> test) {
    this.label = label;
    this.test = test;
  }

  boolean matches(TileModel tile) {
    return test.test(tile);
  }

  @Override
  public String toString() {
    return label;
  }
}
