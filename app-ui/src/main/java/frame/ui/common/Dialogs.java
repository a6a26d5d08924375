package frame.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/** Dialogs in the window's theme: a dialog has a scene of its own, which would be Modena's light grey. */
public final class Dialogs {
  private Dialogs() {}

  /** Asks before something that cannot be undone at once; true when the person chose {@code action}. */
  public static boolean confirm(Node owner, String header, String detail, String action) {
    ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, yes, ButtonType.CANCEL);
    alert.setTitle("FRAME");
    alert.setHeaderText(header);
    if (owner.getScene() != null) {
      alert.initOwner(owner.getScene().getWindow());
      styleLike(alert.getDialogPane(), owner);
    }
    alert.getDialogPane().setId("confirm-dialog");
    return alert.showAndWait().filter(yes::equals).isPresent();
  }

  public static void styleLike(DialogPane pane, Node owner) {
    pane.getStylesheets().setAll(owner.getScene().getStylesheets());
    pane.getStyleClass().add("frame-dialog");
  }
}
