package frame.ui.library;

import frame.ui.common.ThumbnailCache;

import java.nio.file.Path;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;

/**
 * One tile: thumbnail with a state badge, name, step tracker and, when there is one, the reason in
 * plain words; a folded stack's tile counts its frames. A grid row keeps its tiles and shows other photos in them as it scrolls.
 */
final class TileView extends VBox {
  static final double PADDING = 8;
  private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  private static final PseudoClass CURSOR = PseudoClass.getPseudoClass("cursor");
  private static final PseudoClass LOADING = PseudoClass.getPseudoClass("loading");

  private final ThumbnailCache thumbnails;
  private final ImageView picture = new ImageView();
  private final StackPane frame = new StackPane(picture);
  private final Label badge = new Label();
  // the focus indicator: the photo's sharpness, to compare the frames of a burst
  private final Label focus = new Label();
  // a folded stack's frame count; a click opens or closes the stack
  private final Label stack = new Label();
  private final StackFolding stacks;
  private final Label name = new Label();
  final StepTracker tracker = new StepTracker();
  final Label message = new Label();
  private final ChangeListener<Object> changed = (o, a, b) -> render();
  private TileModel model;
  private double size;

  TileView(ThumbnailCache thumbnails, StackFolding stacks) {
    this.thumbnails = thumbnails;
    this.stacks = stacks;
    getStyleClass().add("tile");
    picture.setPreserveRatio(true);
    picture.setSmooth(true);
    frame.getStyleClass().add("tile-picture");
    badge.getStyleClass().add("tile-badge");
    StackPane.setAlignment(badge, Pos.TOP_LEFT);
    focus.getStyleClass().add("tile-focus");
    focus.setTooltip(new Tooltip("Focus (sharpness): higher is sharper; compare frames of one burst, not different scenes"));
    StackPane.setAlignment(focus, Pos.TOP_RIGHT);
    stack.getStyleClass().add("tile-stack");
    stack.setTooltip(new Tooltip("Frames in this stack: click or press S to open or close it"));
    StackPane.setAlignment(stack, Pos.BOTTOM_LEFT);
    stack.setOnMouseClicked(e -> {
      if (model != null) stacks.toggle(model.marks().get());
      e.consume(); // not a click on the tile: the selection stays
    });
    frame.getChildren().addAll(badge, focus, stack);
    name.getStyleClass().add("tile-name");
    message.getStyleClass().add("tile-message");
    message.setWrapText(true);
    message.setTooltip(new Tooltip());
    getChildren().addAll(frame, name, tracker, message);
  }

  TileModel model() {
    return model;
  }

  /** Shows a tile (null: its page is still loading) at a size, selected or not, under the cursor or not. */
  void show(TileModel tile, double size, boolean selected, boolean cursor) {
    if (tile != model) {
      if (model != null) unlisten(model);
      model = tile;
      if (model != null) listen(model);
    }
    if (size != this.size) {
      this.size = size;
      setPrefWidth(size + 2 * PADDING);
      setMinWidth(size + 2 * PADDING);
      setMaxWidth(size + 2 * PADDING);
      frame.setPrefSize(size, size);
      frame.setMinSize(size, size);
      frame.setMaxSize(size, size);
      picture.setFitWidth(size);
      picture.setFitHeight(size);
      // small tiles keep the picture and its badge; the words need room
      boolean roomy = size >= 200;
      tracker.setVisible(roomy);
      tracker.setManaged(roomy);
    }
    pseudoClassStateChanged(SELECTED, selected);
    pseudoClassStateChanged(CURSOR, cursor);
    render();
  }

  private void listen(TileModel tile) {
    tile.step().addListener(changed);
    tile.message().addListener(changed);
    tile.renditions().addListener(changed);
    tile.marks().addListener(changed);
  }

  private void unlisten(TileModel tile) {
    tile.step().removeListener(changed);
    tile.message().removeListener(changed);
    tile.renditions().removeListener(changed);
    tile.marks().removeListener(changed);
  }

  private void render() {
    pseudoClassStateChanged(LOADING, model == null);
    if (model == null) {
      picture.setImage(null);
      badge.setVisible(false);
      focus.setVisible(false);
      stack.setVisible(false);
      name.setText("");
      message.setText("");
      tracker.setVisible(false);
      return;
    }
    TileStep step = model.step().get();
    badge.setVisible(true);
    badge.setText(step.symbol + " " + step.word);
    badge.getStyleClass().removeIf(c -> c.startsWith("state-"));
    badge.getStyleClass().add(step.styleClass());
    name.setText(model.name().get());
    // a finished photo shows its picture, name and marks, as Lightroom's grid does; the steps
    // belong to photos still on their way (and to the viewer)
    boolean ready = step == TileStep.PROCESSED;
    badge.setVisible(!ready);
    message.setText(ready ? CullKeys.describe(model.marks().get(), false) : model.message().get());
    String sharpness = CullKeys.focus(model.marks().get());
    focus.setText(sharpness);
    focus.setVisible(!sharpness.isEmpty());
    stack.setText(stacks.badge(model.marks().get()));
    stack.setVisible(!stack.getText().isEmpty());
    message.getTooltip().setText(message.getText());
    tracker.setVisible(size >= 200 && !ready);
    tracker.setManaged(tracker.isVisible()); // a finished tile closes up under its name
    tracker.show(step);
    pseudoClassStateChanged(PROBLEM, step.isProblem());
    // the rendition that stays sharp on this screen: a 2x display wants twice the pixels
    double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
    Path file = model.bestFor(size * scale);
    if (file == null) {
      picture.setImage(null);
      return;
    }
    int px = model.renditions().get().entrySet().stream().filter(e -> e.getValue().equals(file))
        .mapToInt(java.util.Map.Entry::getKey).findFirst().orElse(256);
    picture.setImage(thumbnails.get(file, px));
  }
}
