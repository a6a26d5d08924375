package frame.ui.library;

import frame.core.api.Culling;
import frame.core.api.FrameLibrary;
import frame.core.api.Library;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.MarkChange;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Two to four photos side by side (the selection, or the stack of the photo under the cursor,
 * sharpest first) to pick the keeper. Zoom and pan are one for all panes; the culling keys mark
 * the focused pane, which a click or the arrows move.
 */
public final class CompareView extends BorderPane {
  static final int MOST = 4;
  private static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("focused-pane");

  private final Library library;
  private final Culling culling;
  private final Background background;
  private final Notice notice;
  private final Runnable close;
  private final GridPane panes = new GridPane();
  private final Label title = new Label();
  private final ToggleButton actual = new ToggleButton("100%");
  // one zoom and one pan, bound into every pane
  private final BooleanProperty actualSize = new SimpleBooleanProperty(false);
  private final DoubleProperty panX = new SimpleDoubleProperty();
  private final DoubleProperty panY = new SimpleDoubleProperty();
  private final IntegerProperty focused = new SimpleIntegerProperty(-1);
  private final List<Pane> shown = new ArrayList<>();

  CompareView(FrameLibrary frame, Background background, Notice notice, Runnable close) {
    this.library = frame.ports().library();
    this.culling = frame.ports().culling();
    this.background = background;
    this.notice = notice;
    this.close = close;
    setId("compare");
    getStyleClass().addAll("viewer", "compare");
    setFocusTraversable(true);
    setVisible(false);
    Button back = new Button("‹ Library");
    back.setId("compare-back");
    back.setOnAction(e -> close.run());
    title.setId("compare-title");
    title.getStyleClass().add("viewer-title");
    Label hint = new Label("Click or ←/→ to choose a photo · P X U 0-5 6-9 mark it · Z zooms all");
    hint.getStyleClass().add("dim");
    actual.setId("compare-100");
    actual.selectedProperty().bindBidirectional(actualSize);
    actualSize.addListener((o, a, b) -> {
      if (b) decodeOriginals();
    });
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, back, title, hint, gap, actual);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("toolbar");
    bar.setPadding(new Insets(6, 8, 6, 8));
    setTop(bar);
    panes.setHgap(4);
    panes.setVgap(4);
    setCenter(panes);
    focused.addListener((o, a, b) -> {
      for (int i = 0; i < shown.size(); i++) shown.get(i).pseudoClassStateChanged(FOCUSED, i == b.intValue());
    });
    addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    // a press anywhere here keeps the keys here (the tab pane around would take the focus)
    addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
      requestFocus();
      e.consume();
    });
  }

  /**
   * Compares the selection (two to four photos; more are cut to the first four) or, with fewer
   * selected, the stack of the photo under the cursor; says so when there is nothing to compare.
   */
  void open(List<Long> selected, long cursorId) {
    background.run(() -> choose(selected, cursorId), chosen -> {
      if (chosen.ids().size() < 2) {
        notice.say("Select two to four photos, or a photo in a stack, to compare.");
        return;
      }
      notice.clear();
      show(chosen.ids(), chosen.why());
    }, notice.onFailure("compare the photos"));
  }

  private record Choice(List<Long> ids, String why) {}

  private Choice choose(List<Long> selected, long cursorId) {
    if (selected.size() >= 2) {
      List<Long> ids = selected.stream().sorted().limit(MOST).toList();
      return new Choice(ids, selected.size() > MOST ? "the first " + MOST + " of " + selected.size() + " selected" : "selection");
    }
    long id = selected.size() == 1 ? selected.getFirst() : cursorId;
    ImageMarks marks = id > 0 ? culling.marks(List.of(id)).get(id) : null;
    if (marks == null || marks.stack() == null) return new Choice(List.of(), "");
    List<ImageMarks> stack = culling.stack(marks.stack()); // sharpest first, as the core orders it
    return new Choice(stack.stream().limit(MOST).map(ImageMarks::imageId).toList(),
        "stack of " + stack.size() + ", sharpest first");
  }

  private void show(List<Long> ids, String why) {
    for (Pane pane : shown) pane.unbind();
    shown.clear();
    panes.getChildren().clear();
    actualSize.set(false);
    int columns = ids.size() <= 2 ? ids.size() : 2;
    for (int i = 0; i < ids.size(); i++) {
      Pane pane = new Pane(ids.get(i), i);
      shown.add(pane);
      panes.add(pane, i % columns, i / columns);
      GridPane.setHgrow(pane, Priority.ALWAYS);
      GridPane.setVgrow(pane, Priority.ALWAYS);
      load(pane);
    }
    title.setText("Compare " + ids.size() + " · " + why);
    focused.set(-1);
    focused.set(0);
    setVisible(true);
    requestFocus();
  }

  private record Loaded(String name, Image preview, ImageMarks marks) {}

  private void load(Pane pane) {
    background.run(() -> {
      var image = library.image(pane.id);
      Optional<Path> preview = library.files(image).existingPreview();
      return new Loaded(image.originalName(), preview.map(p -> new Image(p.toUri().toString())).orElse(null),
          culling.marks(List.of(pane.id)).get(pane.id));
    }, loaded -> {
      pane.name = loaded.name();
      pane.zoom.show(loaded.preview());
      pane.caption(loaded.marks());
    }, failure -> pane.caption.setText("Cannot show this photo: " + failure.getMessage()));
  }

  /** At 100% each pane shows its original, decoded one after the other off the FX thread. */
  private void decodeOriginals() {
    for (Pane pane : List.copyOf(shown)) {
      if (pane.zoom.hasOriginal()) continue;
      background.run(() -> ViewerPane.toFx(library.decodeOriginal(pane.id)), full -> {
        if (shown.contains(pane)) pane.zoom.showOriginal(full);
      }, failure -> pane.caption.setText(pane.name + " · the original cannot be decoded here: " + failure.getMessage()));
    }
  }

  private void key(KeyEvent e) {
    Optional<MarkChange> change = e.isShortcutDown() ? Optional.empty() : CullKeys.changeFor(e.getCode());
    if (change.isPresent()) {
      mark(change.get());
    } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.UP) {
      focus(focused.get() - 1);
    } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.TAB) {
      focus(focused.get() + 1);
    } else if (e.getCode() == KeyCode.Z) {
      actualSize.set(!actualSize.get());
    } else if (e.getCode() == KeyCode.ESCAPE) {
      close.run();
    } else {
      return;
    }
    e.consume();
  }

  /** Chooses the pane the keys mark (wrapping around). */
  public void focus(int index) {
    if (shown.isEmpty()) return;
    focused.set(Math.floorMod(index, shown.size()));
    requestFocus();
  }

  /** Marks the focused pane's photo; its caption shows the result. */
  void mark(MarkChange change) {
    long id = focusedId();
    if (id == 0) return;
    Pane pane = shown.get(focused.get());
    background.run(() -> culling.mark(id, change), pane::caption, notice.onFailure("mark the photo"));
  }

  public IntegerProperty focused() {
    return focused;
  }

  /** The photo the keys mark; 0 when nothing is compared. */
  public long focusedId() {
    int at = focused.get();
    return at < 0 || at >= shown.size() ? 0 : shown.get(at).id;
  }

  /** The photos side by side, in their order. */
  public List<Long> shownIds() {
    return shown.stream().map(pane -> pane.id).toList();
  }

  ZoomView zoomOf(int index) {
    return shown.get(index).zoom;
  }

  /** One photo of the comparison: its picture, and its name, marks and focus under it. */
  private final class Pane extends VBox {
    final long id;
    final ZoomView zoom = new ZoomView();
    final Label caption = new Label();
    String name = "";

    Pane(long id, int index) {
      this.id = id;
      getStyleClass().add("compare-pane");
      caption.getStyleClass().add("compare-caption");
      VBox.setVgrow(zoom, Priority.ALWAYS);
      zoom.setMinSize(0, 0);
      zoom.actualSize().bindBidirectional(actualSize);
      zoom.panX().bindBidirectional(panX);
      zoom.panY().bindBidirectional(panY);
      getChildren().addAll(zoom, caption);
      setMinSize(0, 0);
      addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> focus(index));
    }

    void caption(ImageMarks marks) {
      caption.setText(name + (marks == null ? "" : "  ·  " + CullKeys.describe(marks)));
    }

    void unbind() {
      zoom.actualSize().unbindBidirectional(actualSize);
      zoom.panX().unbindBidirectional(panX);
      zoom.panY().unbindBidirectional(panY);
    }
  }
}
