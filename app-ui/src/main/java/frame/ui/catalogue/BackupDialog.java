package frame.ui.catalogue;

import frame.ui.common.Dialogs;
import frame.ui.common.NoticeLabel;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The dialog of File → Back up catalogue…: a folder (typed or chosen), Back up, progress, the outcome. */
public final class BackupDialog {
  private BackupDialog() {}

  /** Opens it beside {@code owner}, not modal: FRAME goes on working while the backup runs. */
  public static void show(Node owner, BackupModel model) {
    TextField folder = new TextField();
    folder.setId("backup-folder");
    folder.setPromptText("a folder on an external disk");
    folder.setPrefColumnCount(36);
    folder.textProperty().bindBidirectional(model.folder());
    Button choose = new Button("Choose…");
    choose.setId("backup-choose");
    choose.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("A folder for the catalogue backup");
      File dir = chooser.showDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
      if (dir != null) folder.setText(dir.getAbsolutePath());
    });
    Button backUp = new Button("Back up");
    backUp.setId("backup-start");
    backUp.setDefaultButton(true);
    backUp.disableProperty().bind(model.running());
    backUp.setOnAction(e -> model.backUp());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setId("backup-progress");
    progress.setPrefSize(18, 18);
    progress.visibleProperty().bind(model.running());
    progress.managedProperty().bind(progress.visibleProperty());
    Label result = new Label();
    result.setId("backup-result");
    result.setWrapText(true);
    result.textProperty().bind(model.result());
    HBox row = new HBox(8, folder, choose);
    HBox.setHgrow(folder, Priority.ALWAYS);
    Label about = new Label("A consistent copy of the catalogue (photos, marks, settings, tokens as kept at rest),"
        + " taken while FRAME goes on working. The originals are not in it: the archive keeps them.");
    about.setWrapText(true);
    VBox content = new VBox(8, about, row, new HBox(8, backUp, progress), result,
        new NoticeLabel(model.notice(), "backup-notice"));
    content.setPadding(new Insets(8));
    content.setPrefWidth(560);

    Dialog<Void> dialog = new Dialog<>();
    dialog.setTitle("Back up catalogue");
    dialog.getDialogPane().setId("backup-dialog");
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    if (owner.getScene() != null) {
      dialog.initOwner(owner.getScene().getWindow());
      Dialogs.styleLike(dialog.getDialogPane(), owner);
    }
    dialog.initModality(javafx.stage.Modality.NONE);
    dialog.show();
  }
}
