package frame.ui.archive;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The first start's offer under the menu: add a second place for the photos, or not now. Never modal. */
public final class TargetOfferBar extends HBox {
  public TargetOfferBar(TargetOffer offer, Runnable addTarget) {
    setId("target-offer");
    getStyleClass().add("target-offer");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(8);
    setPadding(new Insets(4, 8, 4, 8));
    Label text = new Label("FRAME keeps each photo in one place: this computer. A second, verified copy on an"
        + " external disk or a NAS keeps them when this disk fails.");
    text.setId("target-offer-text");
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    Button add = new Button("Add an external disk or NAS folder…");
    add.setId("target-offer-add");
    add.setOnAction(e -> {
      offer.answered();
      addTarget.run();
    });
    Button later = new Button("Not now");
    later.setId("target-offer-later");
    later.setOnAction(e -> offer.answered());
    getChildren().addAll(text, add, later);
    visibleProperty().bind(offer.showing());
    managedProperty().bind(visibleProperty());
  }
}
