package frame.ui.library;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One tile: thumbnail, name, step tracker and, when there is one, the reason in plain words. */
final class TileView extends VBox {
  static final double SIZE = 204;
  private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

  final TileModel model;
  final StepTracker tracker;
  final Label message = new Label();

  TileView(TileModel model, ThumbnailCache thumbnails) {
    this.model = model;
    getStyleClass().add("tile");
    setPrefWidth(SIZE);
    setMaxWidth(SIZE);
    ImageView picture = new ImageView();
    picture.setFitWidth(SIZE - 16);
    picture.setFitHeight(SIZE - 16);
    picture.setPreserveRatio(true);
    picture.imageProperty().bind(Bindings.createObjectBinding(
        () -> model.thumbnail().get() == null ? null : thumbnails.get(model.thumbnail().get(), 256), model.thumbnail()));
    StackPane frame = new StackPane(picture);
    frame.getStyleClass().add("tile-picture");
    frame.setPrefSize(SIZE - 16, SIZE - 16);
    Label name = new Label();
    name.textProperty().bind(model.name());
    name.getStyleClass().add("tile-name");
    tracker = new StepTracker(model.step());
    message.textProperty().bind(model.message());
    message.getStyleClass().add("tile-message");
    message.setWrapText(true);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(model.message());
    message.setTooltip(tip);
    getChildren().addAll(frame, name, tracker, message);
    pseudoClassStateChanged(PROBLEM, model.step().get().isProblem());
    model.step().addListener((o, a, b) -> pseudoClassStateChanged(PROBLEM, b.isProblem()));
  }
}
