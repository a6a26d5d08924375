package frame.ui.library;

import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.StackFold;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Stacks folded in the grid, as Lightroom's collapsed stacks: each stack is one tile (its top,
 * with a badge counting its frames) until opened (S, the badge, the toolbar), its frames then in
 * place of the top. The database does the folding, so the grid still holds only pages on screen.
 * Used on the FX thread only.
 */
public final class StackFolding {
  private final BooleanProperty folded = new SimpleBooleanProperty(true);
  private final ObjectProperty<StackFold> fold = new SimpleObjectProperty<>(StackFold.FOLDED);

  StackFolding() {
    // folding every stack again closes the ones opened; unfolding shows every frame
    folded.addListener((o, was, now) -> fold.set(now ? StackFold.FOLDED : StackFold.FLAT));
  }

  /** Whether stacks show as one tile (the toolbar's and the View menu's "Fold stacks"). */
  public BooleanProperty folded() { return folded; }

  /** What the grid's query folds: every stack but the opened ones, or none. */
  public ObjectProperty<StackFold> fold() { return fold; }

  /** Opens the stack of this photo, or closes it when open; false when there is nothing to open. */
  public boolean toggle(ImageMarks marks) {
    if (!folded.get() || marks == null || marks.stack() == null || marks.stackSize() < 2) return false;
    fold.set(fold.get().toggled(marks.stack()));
    return true;
  }

  /** The same for a tile (null while its page loads: nothing to open). */
  public boolean toggle(TileModel tile) {
    return tile != null && toggle(tile.marks().get());
  }

  public boolean isOpen(ImageMarks marks) {
    return marks != null && marks.stack() != null && fold.get().isOpen(marks.stack());
  }

  /**
   * The badge of the tile that stands for a stack: "⧉ 5" folded, "⧉ 5 ▾" opened (on its top);
   * empty for a photo alone, for the other frames of an opened stack, and when nothing is folded.
   */
  String badge(ImageMarks marks) {
    if (!folded.get() || marks == null || marks.stack() == null || marks.stackSize() < 2) return "";
    if (!isOpen(marks)) return "⧉ " + marks.stackSize();
    return marks.isStackTop() ? "⧉ " + marks.stackSize() + " ▾" : "";
  }
}
