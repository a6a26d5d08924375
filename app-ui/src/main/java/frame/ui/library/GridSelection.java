package frame.ui.library;

import frame.core.api.Library;
import frame.core.api.library.LibraryQuery;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.util.HashSet;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The grid's selection and keyboard cursor. The selection holds photo ids, not tiles, so it lasts
 * while pages come and go; a shift range or "select all" over pages not loaded asks the library
 * for the ids (8 bytes a photo) instead of loading their tiles. Changes only on the FX thread.
 */
final class GridSelection {
  /** What the selection reads of the grid, at the moment it is asked. */
  interface Grid {
    /** How many tiles: this session's files that never became photos first, then the library's. */
    int size();

    /** How many of the first tiles are this session's files. */
    int sessionTiles();

    /** The photo at a grid position: 0 for a session file or a page not loaded. */
    long idAt(int index);

    /** The grid's query for the library's photos; null when it shows only this session's files. */
    LibraryQuery photos();
  }

  private final ObservableSet<Long> selected = FXCollections.observableSet(new HashSet<>());
  private final IntegerProperty selectedCount = new SimpleIntegerProperty(0);
  private final IntegerProperty cursor = new SimpleIntegerProperty(-1);
  private final Grid grid;
  private final Library library;
  private final Background background;
  private final Notice notice;
  private int anchor = -1;

  GridSelection(Grid grid, Library library, Background background, Notice notice) {
    this.grid = grid;
    this.library = library;
    this.background = background;
    this.notice = notice;
    selected.addListener((SetChangeListener<Long>) change -> selectedCount.set(selected.size()));
  }

  ObservableSet<Long> selected() { return selected; }

  IntegerProperty selectedCount() { return selectedCount; }

  IntegerProperty cursor() { return cursor; }

  /** A click: alone selects one, with ctrl toggles one, with shift selects from the anchor. */
  void click(int index, boolean shift, boolean ctrl) {
    if (index < 0 || index >= grid.size()) return;
    if (shift && anchor >= 0) {
      selectRange(anchor, index, ctrl);
    } else if (ctrl) {
      long id = grid.idAt(index);
      if (id > 0 && !selected.remove(id)) selected.add(id);
      anchor = index;
    } else {
      selected.clear();
      long id = grid.idAt(index);
      if (id > 0) selected.add(id);
      anchor = index;
    }
    cursor.set(index);
  }

  /** The keyboard moved the cursor; with shift the selection stretches from the anchor. */
  void moveCursor(int delta, boolean extend) {
    int size = grid.size();
    if (size == 0) return;
    int from = cursor.get() < 0 ? 0 : cursor.get();
    // with no cursor yet an arrow lands on the first photo; Home, End and the pages still jump
    boolean firstStep = cursor.get() < 0 && Math.abs(delta) < size;
    int to = firstStep ? 0 : Math.max(0, Math.min(size - 1, from + delta));
    click(to, extend, false);
  }

  /** A new query: the cursor keeps its place within the new grid, or takes the first tile. */
  void cursorOnNewGrid() {
    int size = grid.size();
    cursor.set(size > 0 ? Math.min(Math.max(cursor.get(), 0), size - 1) : -1);
  }

  /** The grid shrank: a cursor past its end goes to its last tile. */
  void cursorWithinGrid() {
    if (cursor.get() >= grid.size()) cursor.set(grid.size() - 1);
  }

  void selectAll() {
    LibraryQuery query = grid.photos();
    if (query == null) return;
    background.run(() -> library.ids(query), selected::addAll, notice.onFailure("select all the photos"));
  }

  void clear() { selected.clear(); }

  List<Long> ids() { return List.copyOf(selected); }

  private void selectRange(int from, int to, boolean keep) {
    int low = Math.min(from, to);
    int high = Math.max(from, to);
    if (!keep) selected.clear();
    int sessionTiles = grid.sessionTiles();
    int libraryLow = Math.max(0, low - sessionTiles);
    int libraryHigh = high - sessionTiles;
    LibraryQuery query = grid.photos();
    if (libraryHigh < 0 || query == null) return;
    background.run(() -> library.ids(query), ids -> {
      selected.addAll(ids.subList(Math.min(libraryLow, ids.size()), Math.min(libraryHigh + 1, ids.size())));
    }, notice.onFailure("select the photos"));
  }
}
