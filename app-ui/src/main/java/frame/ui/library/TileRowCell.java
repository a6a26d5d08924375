package frame.ui.library;

import frame.ui.common.ThumbnailCache;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import javafx.scene.control.ListCell;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;

/**
 * One row of the library grid: {@code perRow} tiles asked from the model by position. The list
 * view makes few of these (a screenful and a spare) and they are redrawn in place, never recreated;
 * a click selects, a double click opens the viewer (or jumps to a duplicate's photo).
 */
final class TileRowCell extends ListCell<Integer> {
  static final double GAP = 8;

  private final LibraryModel model;
  private final ThumbnailCache thumbnails;
  private final IntSupplier perRow;
  private final DoubleSupplier tileSize;
  private final Runnable openViewer;
  private final HBox row = new HBox(GAP);
  private final List<TileView> views = new ArrayList<>();

  TileRowCell(LibraryModel model, ThumbnailCache thumbnails, IntSupplier perRow, DoubleSupplier tileSize, Runnable openViewer) {
    this.model = model;
    this.thumbnails = thumbnails;
    this.perRow = perRow;
    this.tileSize = tileSize;
    this.openViewer = openViewer;
    row.getStyleClass().add("tile-row");
    getStyleClass().add("tile-row-cell");
  }

  @Override
  protected void updateItem(Integer number, boolean empty) {
    super.updateItem(number, empty);
    redraw();
  }

  /** Shows this row's tiles as the model has them now, reusing the tile nodes. */
  void redraw() {
    Integer number = getItem();
    int across = perRow.getAsInt();
    if (isEmpty() || number == null || getListView() == null || number >= getListView().getItems().size()) {
      setGraphic(null);
      return;
    }
    while (views.size() < across) {
      TileView view = new TileView(thumbnails, model.stacks());
      view.setOnMouseClicked(e -> clicked(view, e));
      views.add(view);
    }
    int cursor = model.cursor().get();
    int shown = 0;
    for (int k = 0; k < across; k++) {
      int index = number * across + k;
      if (index >= model.size().get()) break;
      TileView view = views.get(k);
      TileModel tile = model.tileAt(index);
      view.getProperties().put("index", index);
      long id = tile == null ? 0 : tile.imageId().get();
      view.show(tile, tileSize.getAsDouble(), id > 0 && model.selected().contains(id), index == cursor);
      shown++;
    }
    // only a changed row length touches the scene graph
    if (row.getChildren().size() != shown || !row.getChildren().equals(views.subList(0, shown))) {
      row.getChildren().setAll(views.subList(0, shown));
    }
    if (getGraphic() != row) setGraphic(row);
  }

  private void clicked(TileView view, MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY || !(view.getProperties().get("index") instanceof Integer index)) return;
    getListView().requestFocus();
    TileModel tile = view.model();
    if (e.getClickCount() == 2 && tile != null) {
      if (tile.duplicateOf().get() > 0) {
        int at = model.indexOf(tile.duplicateOf().get()); // jump to the photo it duplicates, if loaded
        if (at >= 0) model.click(at, false, false);
      } else if (tile.imageId().get() > 0) {
        model.click(index, false, false);
        openViewer.run();
      }
      return;
    }
    model.click(index, e.isShiftDown(), e.isShortcutDown());
  }
}
