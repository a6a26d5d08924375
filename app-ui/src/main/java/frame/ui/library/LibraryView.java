package frame.ui.library;

import java.io.File;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The library grid. Rows of tiles live in a ListView, so only the rows on screen have nodes:
 * thousands of photos scroll as smoothly as ten. Files and folders dropped anywhere on it import.
 */
public final class LibraryView extends BorderPane {
  private final LibraryModel model;
  private final ThumbnailCache thumbnails = new ThumbnailCache(600);
  private final ObservableList<List<TileModel>> rows = FXCollections.observableArrayList();
  private final ListView<List<TileModel>> grid = new ListView<>(rows);
  private final LongConsumer openImage;
  private int perRow = 1;

  public LibraryView(LibraryModel model, LongConsumer openImage) {
    this.model = model;
    this.openImage = openImage;
    getStyleClass().add("library");
    getStylesheets().add(LibraryView.class.getResource("library.css").toExternalForm());
    setTop(toolbar());
    grid.setId("library-grid");
    grid.setCellFactory(list -> new RowCell());
    grid.setPlaceholder(new Label("Drop photos or folders here, or use Import."));
    setCenter(grid);
    Label counts = new Label();
    counts.setId("library-counts");
    counts.textProperty().bind(model.counts());
    setBottom(counts);
    BorderPane.setMargin(counts, new Insets(4, 8, 4, 8));

    model.visibleTiles().addListener((ListChangeListener<TileModel>) change -> regroup());
    grid.widthProperty().addListener((o, a, b) -> {
      int fits = Math.max(1, (int) ((b.doubleValue() - 24) / (TileView.SIZE + 8)));
      if (fits != perRow) {
        perRow = fits;
        regroup();
      }
    });
    setOnDragOver(event -> {
      if (event.getDragboard().hasFiles()) event.acceptTransferModes(TransferMode.COPY);
      event.consume();
    });
    setOnDragDropped(event -> {
      boolean files = event.getDragboard().hasFiles();
      if (files) acceptDrop(event.getDragboard().getFiles());
      event.setDropCompleted(files);
      event.consume();
    });
  }

  /** What a drop of files and folders does (the drag handler calls this with the dragboard's files). */
  public void acceptDrop(List<File> files) {
    model.importPaths(files.stream().map(File::toPath).toList());
  }

  private HBox toolbar() {
    Button importFiles = new Button("Import photos…");
    importFiles.setOnAction(e -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle("Import photos");
      List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
      if (chosen != null) acceptDrop(chosen);
    });
    Button importFolder = new Button("Import folder…");
    importFolder.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("Import a folder of photos");
      File folder = chooser.showDialog(getScene().getWindow());
      if (folder != null) acceptDrop(List.of(folder));
    });
    ChoiceBox<TileFilter> filter = new ChoiceBox<>(FXCollections.observableArrayList(TileFilter.values()));
    filter.setId("library-filter");
    filter.valueProperty().bindBidirectional(model.filter());
    ChoiceBox<TileSort> sort = new ChoiceBox<>(FXCollections.observableArrayList(TileSort.values()));
    sort.valueProperty().bindBidirectional(model.sort());
    TextField search = new TextField();
    search.setId("library-search");
    search.setPromptText("Search file names");
    search.textProperty().bindBidirectional(model.search());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, importFiles, importFolder, gap, new Label("Show"), filter, sort, search);
    bar.getStyleClass().add("toolbar");
    bar.setPadding(new Insets(8));
    return bar;
  }

  private void regroup() {
    List<List<TileModel>> grouped = new ArrayList<>();
    List<TileModel> visible = model.visibleTiles();
    for (int i = 0; i < visible.size(); i += perRow) {
      grouped.add(List.copyOf(visible.subList(i, Math.min(visible.size(), i + perRow))));
    }
    rows.setAll(grouped);
  }

  /** Scrolls to an image's tile (a duplicate's "jump to it"). */
  public void reveal(long imageId) {
    model.tileForImage(imageId).ifPresent(tile -> {
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).contains(tile)) {
          grid.scrollTo(i);
          return;
        }
      }
    });
  }

  private final class RowCell extends ListCell<List<TileModel>> {
    private final HBox row = new HBox(8);

    RowCell() {
      row.getStyleClass().add("tile-row");
    }

    @Override
    protected void updateItem(List<TileModel> tiles, boolean empty) {
      super.updateItem(tiles, empty);
      if (empty || tiles == null) {
        setGraphic(null);
        return;
      }
      row.getChildren().clear();
      for (TileModel tile : tiles) {
        TileView view = new TileView(tile, thumbnails);
        view.setOnMouseClicked(e -> {
          if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2) return;
          if (tile.duplicateOf().get() > 0) reveal(tile.duplicateOf().get());
          else if (tile.imageId().get() > 0) openImage.accept(tile.imageId().get());
        });
        row.getChildren().add(view);
      }
      setGraphic(row);
    }
  }
}
