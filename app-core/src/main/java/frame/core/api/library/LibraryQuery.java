package frame.core.api.library;

import frame.core.api.culling.CullFilter;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which photos the library grid shows and in what order: some states (empty means all), a piece
 * of the file name (blank means any), an order, the culling filters. Removed photos are never shown.
 */
public record LibraryQuery(Set<ImageState> states, String nameContains, LibraryOrder order, CullFilter cull) {
  public LibraryQuery(Set<ImageState> states, String nameContains, LibraryOrder order) {
    this(states, nameContains, order, CullFilter.NONE);
  }

  public LibraryQuery {
    cull = cull == null ? CullFilter.NONE : cull;
    states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    nameContains = nameContains == null ? "" : nameContains.strip();
    order = order == null ? LibraryOrder.ADDED_NEWEST : order;
  }

  public LibraryQuery withCull(CullFilter filter) {
    return new LibraryQuery(states, nameContains, order, filter);
  }

  public static LibraryQuery all() {
    return new LibraryQuery(Set.of(), "", LibraryOrder.ADDED_NEWEST);
  }
}
