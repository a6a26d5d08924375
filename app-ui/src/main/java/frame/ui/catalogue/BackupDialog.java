package frame.ui.catalogue;

import frame.ui.common.Dialogs;
import frame.ui.common.Forms;
import frame.ui.common.NoticeLabel;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

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
    Button choose = Forms.chooseFolder("backup-choose", "A folder for the catalogue backup", owner, folder);
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

    Dialogs.showModeless(owner, "Back up catalogue", "backup-dialog", content);
  }
}
