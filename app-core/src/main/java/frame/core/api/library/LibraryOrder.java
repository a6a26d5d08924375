package frame.core.api.library;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The orders the library grid, {@code GET /api/images?sort=} and {@code frame images --sort}
 * offer; ids break ties so pages never overlap.
 */
public enum LibraryOrder {
  ADDED_NEWEST("Newest added first", "added"),
  TAKEN_NEWEST("Newest taken first", "taken"),
  TAKEN_OLDEST("Oldest taken first", "taken-oldest"),
  /** The sharpest photos of the whole list first; unmeasured photos last. */
  SHARPEST("Sharpest first", "sharpness"),
  /**
   * Newest added first, each stack's photos together (where its newest photo would be), the
   * sharpest of the stack first, unmeasured ones last: a burst reads best frame to worst.
   */
  STACKS_SHARPEST_FIRST("Stacks together, sharpest first", "stacks");

  private final String label;
  private final String wire;

  LibraryOrder(String label, String wire) {
    this.label = label;
    this.wire = wire;
  }

  /** The order's name in the API and on the command line: added, taken, taken-oldest, sharpness, stacks. */
  public String wire() {
    return wire;
  }

  /** Reads a {@link #wire()} name (any case); a clear error naming the choices for anything else. */
  public static LibraryOrder parse(String text) {
    for (LibraryOrder order : values()) {
      if (order.wire.equalsIgnoreCase(text.strip())) return order;
    }
    throw new IllegalArgumentException("sort must be one of "
        + Arrays.stream(values()).map(LibraryOrder::wire).collect(Collectors.joining(", ")) + ", not \"" + text + "\"");
  }

  @Override
  public String toString() {
    return label;
  }
}
