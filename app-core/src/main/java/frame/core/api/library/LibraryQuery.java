package frame.core.api.library;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which photos the library grid shows and in what order: some states (empty means all), a piece
 * of the file name (blank means any), an order. Removed photos are never shown.
 */
public record LibraryQuery(Set<ImageState> states, String nameContains, LibraryOrder order) {
  public LibraryQuery {
    states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    nameContains = nameContains == null ? "" : nameContains.strip();
    order = order == null ? LibraryOrder.ADDED_NEWEST : order;
  }

  public static LibraryQuery all() {
    return new LibraryQuery(Set.of(), "", LibraryOrder.ADDED_NEWEST);
  }
}
