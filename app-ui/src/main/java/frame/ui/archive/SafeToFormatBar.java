package frame.ui.archive;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The end-of-import answer under the menu: safe to format the card, waiting for copies, or what is
 * missing; with the way to add a target when there is none, and a dismiss. Takes no room while
 * there is nothing to say.
 */
public final class SafeToFormatBar extends HBox {
  private static final PseudoClass SAFE = PseudoClass.getPseudoClass("safe");

  public SafeToFormatBar(SafeToFormat model, Runnable addTarget) {
    setId("safe-to-format");
    getStyleClass().add("safe-to-format");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(8);
    setPadding(new Insets(4, 8, 4, 8));
    Label text = new Label();
    text.setId("safe-to-format-text");
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    text.textProperty().bind(model.text());
    model.safe().addListener((o, was, now) -> pseudoClassStateChanged(SAFE, now));
    Button add = new Button("Add an external disk or NAS folder…");
    add.setId("safe-to-format-add-target");
    add.visibleProperty().bind(model.needsTarget());
    add.managedProperty().bind(add.visibleProperty());
    add.setOnAction(e -> addTarget.run());
    Button dismiss = new Button("Dismiss");
    dismiss.setId("safe-to-format-dismiss");
    dismiss.setOnAction(e -> model.dismiss());
    getChildren().addAll(text, add, dismiss);
    visibleProperty().bind(model.text().isNotEmpty());
    managedProperty().bind(visibleProperty());
  }
}
