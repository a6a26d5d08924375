package frame.ui.catalogue;

import frame.ui.common.Dialogs;
import frame.ui.common.Forms;
import frame.ui.common.NoticeLabel;
import frame.ui.common.S3TargetForm;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The dialog of File → Recover from archive…: the archive (a folder or an S3 bucket), Recover, progress, outcome. */
public final class RecoverDialog {
  private RecoverDialog() {}

  public static void show(Node owner, RecoverModel model) {
    ToggleGroup from = new ToggleGroup();
    RadioButton folderChoice = new RadioButton("An archive folder (external disk, NAS)");
    folderChoice.setId("recover-from-folder");
    folderChoice.setToggleGroup(from);
    folderChoice.setSelected(true);
    RadioButton s3Choice = new RadioButton("An S3 bucket");
    s3Choice.setId("recover-from-s3");
    s3Choice.setToggleGroup(from);

    TextField folder = Forms.field("recover-folder", "the folder FRAME archived to");
    Button choose = Forms.chooseFolder("recover-choose", "The archive folder", owner, folder);
    HBox folderRow = new HBox(8, folder, choose);
    folderRow.disableProperty().bind(folderChoice.selectedProperty().not());

    S3TargetForm s3Fields = new S3TargetForm("recover-s3", "optional: the prefix the target was added with",
        "secret access key");
    GridPane s3 = Forms.grid();
    s3Fields.addRows(s3, 0);
    s3.disableProperty().bind(s3Choice.selectedProperty().not());

    CheckBox download = new CheckBox("Also keep every original on this computer (else they stay on the archive)");
    download.setId("recover-download");
    Button recover = new Button("Recover");
    recover.setId("recover-start");
    recover.disableProperty().bind(model.running());
    recover.setOnAction(e -> {
      if (folderChoice.isSelected()) {
        model.fromFolder(folder.getText(), download.isSelected());
      } else {
        model.fromS3(s3Fields.endpoint(), s3Fields.bucket(), s3Fields.prefix(), s3Fields.region(), s3Fields.keyId(),
            s3Fields.secret(), download.isSelected());
        s3Fields.clearSecret(); // typed once; never kept in the window
      }
    });
    ProgressBar progress = new ProgressBar();
    progress.setId("recover-progress");
    progress.setPrefWidth(240);
    progress.progressProperty().bind(model.progress());
    progress.visibleProperty().bind(model.running());
    Label progressText = new Label();
    progressText.setId("recover-progress-text");
    progressText.textProperty().bind(model.progressText());
    progressText.visibleProperty().bind(model.running());
    Label result = new Label();
    result.setId("recover-result");
    result.setWrapText(true);
    result.textProperty().bind(model.result());
    Label about = new Label("Rebuilds this library from its archive alone: every photo comes back with its name,"
        + " dates, camera, shoot and marks, and its thumbnails are made again. For an empty library (a new computer,"
        + " a lost disk). Run it again after an interruption: it goes on.");
    about.setWrapText(true);
    VBox content = new VBox(8, about, folderChoice, folderRow, s3Choice, s3, download,
        new HBox(8, recover, progress), progressText, result, new NoticeLabel(model.notice(), "recover-notice"));
    content.setPadding(new Insets(8));
    content.setPrefWidth(620);

    Dialogs.showModeless(owner, "Recover from archive", "recover-dialog", content);
  }
}
