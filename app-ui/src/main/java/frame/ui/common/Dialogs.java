package frame.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Modality;

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

  /**
   * Shows {@code content} in a dialog with a Close button that leaves the window usable (a long
   * backup or recovery goes on while the person works).
   */
  public static void showModeless(Node owner, String title, String id, Node content) {
    Dialog<Void> dialog = new Dialog<>();
    dialog.setTitle(title);
    dialog.getDialogPane().setId(id);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    if (owner.getScene() != null) {
      dialog.initOwner(owner.getScene().getWindow());
      styleLike(dialog.getDialogPane(), owner);
    }
    dialog.initModality(Modality.NONE);
    dialog.show();
  }

  public static void styleLike(DialogPane pane, Node owner) {
    pane.getStylesheets().setAll(owner.getScene().getStylesheets());
    pane.getStyleClass().add("frame-dialog");
  }
}
