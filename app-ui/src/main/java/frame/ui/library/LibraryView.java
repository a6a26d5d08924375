package frame.ui.library;

import frame.ui.common.ThumbnailCache;

import frame.core.api.FrameLibrary;
import frame.ui.common.Background;
import frame.ui.common.Dialogs;
import frame.ui.common.NoticeLabel;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The library: a grid of tiles sized by a slider, selection and keyboard, the activity bar, and
 * the viewer over it. The grid is a ListView of rows, so only rows on screen have nodes, and rows
 * ask the model for their tiles by position, so only pages on screen are in memory.
 */
public final class LibraryView extends BorderPane {
  public static final double MIN_TILE = 128;
  public static final double MAX_TILE = 512;

  private final LibraryModel model;
  private final ThumbnailCache thumbnails = ThumbnailCache.ofPixels(24_000_000);
  private final RowIndexes rows = new RowIndexes();
  private final ListView<Integer> grid = new ListView<>(rows);
  private final DoubleProperty tileSize = new SimpleDoubleProperty(224);
  private final BooleanProperty viewerOpen = new SimpleBooleanProperty(false);
  private final ViewerPane viewer;
  private final CompareView compare;
  private final ShootsModel shoots;
  private final TextField search = new TextField();
  // the rows the list view made: few (a screenful and a spare), redrawn in place, never recreated
  private final java.util.List<TileRowCell> cells = new java.util.ArrayList<>();
  private Consumer<List<Long>> regenerate;
  private int perRow = 1;
  private boolean refreshQueued;

  public LibraryView(LibraryModel model, FrameLibrary frame, Background background) {
    this.model = model;
    getStyleClass().add("library");
    viewer = new ViewerPane(frame, background, this::closeViewer, () -> step(-1), () -> step(1));
    viewer.setVisible(false);
    compare = new CompareView(frame, background, model.notice(), this::closeCompare);
    shoots = new ShootsModel(frame.ports().culling(), background, model.notice(), model.shoot());
    LibraryToolbar toolbar = new LibraryToolbar(model, search, tileSize, new LibraryToolbar.Actions() {
      @Override public void chooseFiles() { LibraryView.this.chooseFiles(); }
      @Override public void chooseFolder() { LibraryView.this.chooseFolder(); }
      @Override public void requestRemove() { LibraryView.this.requestRemove(); }
      @Override public void zoom(int direction) { LibraryView.this.zoom(direction); }
    });
    VBox top = new VBox(toolbar, new CullBar(shoots, model, this::openCompare),
        new ActivityBar(model.activity(), () -> model.filter().set(TileFilter.PROBLEMS)));
    setTop(top);
    grid.setId("library-grid");
    grid.getStyleClass().add("library-grid");
    grid.setCellFactory(list -> {
      TileRowCell cell = new TileRowCell(model, thumbnails, () -> perRow, tileSize::get, this::openViewer);
      cells.add(cell);
      return cell;
    });
    grid.setPlaceholder(new Label("Drop photos or folders here, or use Import (Ctrl+I)."));
    setCenter(new StackPane(grid, viewer, compare));
    Label counts = new Label();
    counts.setId("library-counts");
    counts.textProperty().bind(model.counts());
    Label selectedCount = new Label();
    selectedCount.setId("library-selected");
    selectedCount.textProperty().bind(model.selectedCount().asString("%d selected"));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bottom = new HBox(8, counts, new NoticeLabel(model.notice(), "library-notice"), gap, selectedCount);
    bottom.getStyleClass().add("library-footer");
    bottom.setPadding(new Insets(4, 8, 4, 8));
    setBottom(bottom);

    model.size().addListener((o, a, b) -> regroup());
    model.revision().addListener((o, a, b) -> refreshSoon());
    model.selectedCount().addListener((o, a, b) -> refreshSoon());
    model.cursor().addListener((o, a, b) -> {
      refreshSoon();
      reveal(b.intValue());
    });
    tileSize.addListener((o, a, b) -> {
      perRow = fits(grid.getWidth());
      regroup();
      refreshSoon();
    });
    grid.widthProperty().addListener((o, a, b) -> {
      int fits = fits(b.doubleValue());
      if (fits != perRow) {
        perRow = fits;
        regroup();
      }
    });
    addEventFilter(KeyEvent.KEY_PRESSED, this::key);
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

  public DoubleProperty tileSize() { return tileSize; }
  public BooleanProperty viewerOpen() { return viewerOpen; }

  public ListView<Integer> grid() { return grid; }

  /** What Ctrl+R does with the selection. */
  public void onRegenerate(Consumer<List<Long>> action) { this.regenerate = action; }

  /** What a drop of files and folders does (the drag handler calls this with the dragboard's files). */
  public void acceptDrop(List<File> files) {
    model.importPaths(files.stream().map(File::toPath).toList());
  }

  private int fits(double width) {
    return Math.max(1, (int) ((width - 24) / (tileSize.get() + 2 * TileView.PADDING + TileRowCell.GAP)));
  }

  private void chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Import a folder of photos");
    File folder = chooser.showDialog(getScene().getWindow());
    if (folder != null) acceptDrop(List.of(folder));
  }

  public void chooseFiles() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Import photos");
    List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
    if (chosen != null) acceptDrop(chosen);
  }

  public void focusSearch() {
    closeViewer();
    search.requestFocus();
    search.selectAll();
  }

  /** One step of the tile size: the renditions' own sizes are the stops (128, 256, 512) with halfway steps. */
  public void zoom(int direction) {
    tileSize.set(LibraryToolbar.nextTileSize(tileSize.get(), direction));
  }

  private void key(KeyEvent e) {
    if (compare.isVisible()) return; // its own keys: the culling keys mark its focused pane
    boolean typing = e.getTarget() instanceof TextInputControl;
    var cull = typing || e.isShortcutDown() ? java.util.Optional.<frame.core.api.culling.MarkChange>empty()
        : CullKeys.changeFor(e.getCode());
    if (cull.isPresent()) {
      // the viewer marks the photo it shows; the grid its selection, else the photo under the cursor
      java.util.Collection<Long> ids = viewerOpen.get() ? java.util.List.of(viewer.shownId())
          : !model.selectedIds().isEmpty() ? model.selectedIds()
          : model.cursor().get() >= 0 && model.idAt(model.cursor().get()) > 0 ? java.util.List.of(model.idAt(model.cursor().get()))
          : java.util.List.of();
      model.mark(ids, cull.get());
      e.consume();
      return;
    }
    if (viewerOpen.get()) {
      switch (e.getCode()) {
        case ESCAPE -> closeViewer();
        case LEFT -> step(-1);
        case RIGHT -> step(1);
        case Z -> viewer.toggleZoom();
        case DELETE, BACK_SPACE -> requestRemove();
        default -> { return; }
      }
      e.consume();
      return;
    }
    if (typing) {
      if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.DOWN) grid.requestFocus();
      return;
    }
    boolean shift = e.isShiftDown();
    switch (e.getCode()) {
      case LEFT -> model.moveCursor(-1, shift);
      case RIGHT -> model.moveCursor(1, shift);
      case UP -> model.moveCursor(-perRow, shift);
      case DOWN -> model.moveCursor(perRow, shift);
      case PAGE_UP -> model.moveCursor(-perRow * visibleRows(), shift);
      case PAGE_DOWN -> model.moveCursor(perRow * visibleRows(), shift);
      case HOME -> model.moveCursor(-model.size().get(), shift);
      case END -> model.moveCursor(model.size().get(), shift);
      case ENTER, SPACE -> openViewer();
      case C -> { if (!e.isShortcutDown()) openCompare(); }
      case S -> { if (e.isShortcutDown() || !model.stacks().toggle(model.tileAt(model.cursor().get()))) return; }
      case DELETE, BACK_SPACE -> requestRemove();
      case ESCAPE -> model.clearSelection();
      case PLUS, ADD, EQUALS -> zoom(1);
      case MINUS, SUBTRACT -> zoom(-1);
      case A -> {
        if (!e.isShortcutDown()) return;
        model.selectAll();
      }
      case R -> {
        if (!e.isShortcutDown() || regenerate == null || model.selectedIds().isEmpty()) return;
        regenerate.accept(model.selectedIds());
      }
      default -> { return; }
    }
    e.consume();
  }

  private int visibleRows() {
    VirtualFlow<?> flow = flow();
    if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) return 3;
    return Math.max(1, flow.getLastVisibleCell().getIndex() - flow.getFirstVisibleCell().getIndex());
  }

  private VirtualFlow<?> flow() {
    return grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
  }

  /** Opens the viewer on the tile under the cursor (the first photo if there is none). */
  public void openViewer() {
    int at = model.cursor().get();
    if (at < 0 || model.idAt(at) == 0) at = model.photoNear(Math.max(-1, at), 1);
    if (at < 0) return;
    long id = model.idAt(at);
    if (id == 0) return;
    model.click(at, false, false);
    viewer.show(id);
    viewer.setVisible(true);
    viewerOpen.set(true);
    viewer.requestFocus();
  }

  /** Opens the viewer on one photo; the arrows then step from its tile if it is on a loaded page. */
  public void openImage(long imageId) {
    int at = model.indexOf(imageId);
    if (at >= 0) model.click(at, false, false);
    viewer.show(imageId);
    viewer.setVisible(true);
    viewerOpen.set(true);
    viewer.requestFocus();
  }

  /** The selection (two to four) side by side, or the stack of the photo under the cursor. */
  public void openCompare() {
    closeViewer();
    compare.open(model.selectedIds(), model.cursor().get() < 0 ? 0 : model.idAt(model.cursor().get()));
  }

  private void closeCompare() {
    compare.setVisible(false);
    grid.requestFocus();
  }

  public CompareView compare() { return compare; }

  public ShootsModel shoots() { return shoots; }

  public void closeViewer() {
    if (!viewerOpen.get()) return;
    viewer.setVisible(false);
    viewerOpen.set(false);
    grid.requestFocus();
  }

  public ViewerPane viewer() { return viewer; }

  private void step(int direction) {
    int at = model.photoNear(model.cursor().get(), direction);
    if (at < 0) return;
    long id = model.idAt(at);
    if (id == 0) return; // its page is loading; the next press finds it
    model.click(at, false, false);
    viewer.show(id);
  }

  /** Delete: asks, naming how many photos and how much space, then moves them to the trash. */
  public void requestRemove() {
    List<Long> ids = viewerOpen.get() ? List.of(viewer.imageId().get()) : model.selectedIds();
    if (ids.isEmpty() || ids.contains(0L)) return;
    model.measureRemoval(ids, size -> {
      boolean yes = Dialogs.confirm(this, "Move " + (size.photos() == 1 ? "this photo" : size.photos() + " photos") + " to the trash?",
          size.describe() + " on disk. They disappear from the library now and can be restored from the Trash "
              + "for 30 days; emptying the trash frees the space.", "Move to trash");
      if (!yes) return;
      boolean wasViewing = viewerOpen.get();
      model.remove(ids, removed -> {
        if (wasViewing) {
          int at = Math.min(model.cursor().get(), model.size().get() - 1);
          if (at >= 0 && model.idAt(at) > 0) viewer.show(model.idAt(at));
          else closeViewer();
        }
      });
    });
  }

  private void regroup() {
    rows.resize((model.size().get() + perRow - 1) / perRow);
    refreshSoon();
  }

  /** Many changes in one pulse (a select-all, a burst of events) redraw the rows on screen once. */
  private void refreshSoon() {
    if (refreshQueued) return;
    refreshQueued = true;
    Platform.runLater(() -> {
      refreshQueued = false;
      for (TileRowCell cell : cells) cell.redraw();
      if (viewerOpen.get()) model.tileForImage(viewer.shownId()).ifPresent(tile -> viewer.showMarks(tile.marks().get()));
      // counts of photos, picks and rejects move with the grid; they read every photo, so not before the first tiles
      if (!model.counting().get()) shoots.refresh();
    });
  }

  private void reveal(int index) {
    if (index < 0) return;
    VirtualFlow<?> flow = flow();
    if (flow != null) flow.scrollTo(index / perRow);
    else grid.scrollTo(index / perRow);
  }

  /** Scrolls to an image's tile (a duplicate's "jump to it"), if it is on a loaded page. */
  public void reveal(long imageId) {
    int at = model.indexOf(imageId);
    if (at >= 0) model.click(at, false, false);
  }
}
