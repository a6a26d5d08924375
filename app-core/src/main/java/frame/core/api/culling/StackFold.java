package frame.core.api.culling;

import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a list shows each stack as one photo (its top: Lightroom's collapsed stacks) and which
 * stacks are open all the same, their frames in place of the top. Done by the query, so a folded
 * library still comes a page at a time.
 */
public record StackFold(boolean folded, Set<Long> unfolded) {
  /** Every frame of every stack in the list: the default. */
  public static final StackFold FLAT = new StackFold(false, Set.of());
  /** One photo for each stack: its top. */
  public static final StackFold FOLDED = new StackFold(true, Set.of());

  public StackFold {
    unfolded = folded && unfolded != null ? Set.copyOf(new TreeSet<>(unfolded)) : Set.of();
  }

  /** The same with one stack opened, or closed again when it was open. */
  public StackFold toggled(long stackId) {
    Set<Long> open = new TreeSet<>(unfolded);
    if (!open.remove(stackId)) open.add(stackId);
    return new StackFold(folded, open);
  }

  public boolean isOpen(long stackId) {
    return unfolded.contains(stackId);
  }

  /** The API's and the command line's name: {@code folded} or {@code all}. */
  public String wire() {
    return folded ? "folded" : "all";
  }

  /** Reads {@code folded} or {@code all} (any case); a clear error for anything else. */
  public static StackFold parse(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "folded" -> FOLDED;
      case "all", "unfolded" -> FLAT;
      default -> throw new IllegalArgumentException("stacks must be folded or all, not \"" + text + "\"");
    };
  }
}
