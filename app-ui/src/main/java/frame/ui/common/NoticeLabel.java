package frame.ui.common;

import javafx.scene.control.Label;

/** A pane's {@link Notice} on screen: the sentence in the failure colour, taking no room while there is none. */
public final class NoticeLabel extends Label {
  public NoticeLabel(Notice notice, String id) {
    setId(id);
    getStyleClass().add("notice");
    setWrapText(true);
    textProperty().bind(notice.text());
    visibleProperty().bind(notice.text().isNotEmpty());
    managedProperty().bind(visibleProperty());
  }
}
