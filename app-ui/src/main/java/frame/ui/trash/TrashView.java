package frame.ui.trash;

import frame.core.api.Trash;
import frame.core.api.FrameLibrary;
import frame.core.api.trash.TrashedPhoto;
import frame.ui.common.Dialogs;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Removed photos: restore the selected ones, or empty the trash for good. */
public final class TrashView extends BorderPane {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.systemDefault());

  public TrashView(TrashModel model) {
    getStyleClass().add("trash");
    ListView<TrashedPhoto> list = new ListView<>(model.photos());
    list.setId("trash-list");
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setPlaceholder(new Label("The trash is empty."));
    list.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(TrashedPhoto photo, boolean empty) {
        super.updateItem(photo, empty);
        setText(empty || photo == null ? null : "#%d  %s   removed %s · deleted for good after %s".formatted(
            photo.image().id(), photo.image().originalName(), WHEN.format(photo.removedAt()),
            WHEN.format(photo.removedAt().plus(Trash.KEPT_FOR))));
      }
    });
    Button restore = new Button("Restore selected");
    restore.setId("trash-restore");
    restore.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    restore.setOnAction(e -> model.restore(list.getSelectionModel().getSelectedItems().stream()
        .map(p -> p.image().id()).toList()));
    Button empty = new Button("Empty trash…");
    empty.setId("trash-empty");
    empty.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.photos()));
    empty.setOnAction(e -> {
      if (Dialogs.confirm(this, "Delete " + model.photos().size() + " photo(s) for good?",
          "Their originals, thumbnails, previews and history are deleted. This cannot be undone.", "Delete for good")) {
        model.empty();
      }
    });
    Label summary = new Label();
    summary.setId("trash-summary");
    summary.textProperty().bind(model.summary());
    HBox bar = new HBox(8, restore, empty, summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("toolbar");
    bar.setPadding(new Insets(8));
    setTop(bar);
    setCenter(list);
  }
}
