package frame.ui.library;

import frame.core.api.library.LibraryOrder;
import javafx.beans.property.DoubleProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The library's toolbar: import, remove, then what to show (filter, order, search) and the tile size. */
final class LibraryToolbar extends HBox {
  /** What the toolbar's buttons do; the view owns the dialogs and the viewer. */
  interface Actions {
    void chooseFiles();

    void chooseFolder();

    void requestRemove();

    void zoom(int direction);
  }

  LibraryToolbar(LibraryModel model, TextField search, DoubleProperty tileSize, Actions actions) {
    super(8);
    Button importFiles = new Button("Import photos…");
    importFiles.setId("library-import");
    importFiles.setOnAction(e -> actions.chooseFiles());
    Button importFolder = new Button("Import folder…");
    importFolder.setOnAction(e -> actions.chooseFolder());
    ChoiceBox<TileFilter> filter = new ChoiceBox<>(FXCollections.observableArrayList(TileFilter.values()));
    filter.setId("library-filter");
    filter.valueProperty().bindBidirectional(model.filter());
    ChoiceBox<LibraryOrder> sort = new ChoiceBox<>(FXCollections.observableArrayList(LibraryOrder.values()));
    sort.setId("library-sort");
    sort.valueProperty().bindBidirectional(model.sort());
    search.setId("library-search");
    search.setPromptText("Search file names (Ctrl+F)");
    search.textProperty().bindBidirectional(model.search());
    Button smaller = new Button("−");
    smaller.setId("library-smaller");
    smaller.setOnAction(e -> actions.zoom(-1));
    Slider size = new Slider(LibraryView.MIN_TILE, LibraryView.MAX_TILE, tileSize.get());
    size.setId("library-tile-size");
    size.setPrefWidth(140);
    size.valueProperty().bindBidirectional(tileSize);
    Button larger = new Button("+");
    larger.setId("library-larger");
    larger.setOnAction(e -> actions.zoom(1));
    CheckBox includeDeleted = new CheckBox("Include deleted photos");
    includeDeleted.setId("library-include-deleted");
    includeDeleted.setTooltip(new javafx.scene.control.Tooltip(
        "Import photos deleted for good before too (they are skipped otherwise, as \"deleted on DATE\")"));
    includeDeleted.selectedProperty().bindBidirectional(model.includeDeleted());
    Button remove = new Button("Remove…");
    remove.setId("library-remove");
    remove.disableProperty().bind(model.selectedCount().isEqualTo(0));
    remove.setOnAction(e -> actions.requestRemove());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox sizes = new HBox(4, smaller, size, larger);
    sizes.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(importFiles, importFolder, includeDeleted, remove, gap, new Label("Show"), filter, sort, search, sizes);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("toolbar");
    setPadding(new Insets(8));
  }

  /** One step of the tile size from {@code now}: the renditions' own sizes (128, 256, 512) with halfway steps. */
  static double nextTileSize(double now, int direction) {
    double[] stops = {128, 192, 256, 384, 512};
    if (direction > 0) {
      for (double stop : stops) if (stop > now + 0.5) return stop;
    } else {
      for (int i = stops.length - 1; i >= 0; i--) if (stops[i] < now - 0.5) return stops[i];
    }
    return now;
  }
}
