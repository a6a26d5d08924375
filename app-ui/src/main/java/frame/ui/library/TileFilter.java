package frame.ui.library;

import frame.core.api.library.ImageState;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The library's state filter: which image states the database is asked for, and which of this
 * session's files that never became images (rejected, duplicates) still show.
 */
public enum TileFilter {
  ALL("All", EnumSet.noneOf(ImageState.class), tile -> true),
  IN_PROGRESS("In progress", EnumSet.of(ImageState.UPLOADED, ImageState.INGESTED, ImageState.PROCESSING), tile -> false),
  PROCESSED("Processed", EnumSet.of(ImageState.PROCESSED), tile -> false),
  PROBLEMS("Failed or rejected", EnumSet.of(ImageState.FAILED), tile -> tile.step().get() == TileStep.REJECTED),
  DUPLICATES("Duplicates", null, tile -> tile.step().get() == TileStep.DUPLICATE);

  private final String label;
  // null: no image in the library matches
  final Set<ImageState> states;
  private final Predicate<TileModel> sessionTest;

  TileFilter(String label, Set<ImageState> states, Predicate<TileModel> sessionTest) {
    this.label = label;
    this.states = states;
    this.sessionTest = sessionTest;
  }

  boolean matches(TileModel sessionTile) {
    return sessionTest.test(sessionTile);
  }

  @Override
  public String toString() {
    return label;
  }
}
