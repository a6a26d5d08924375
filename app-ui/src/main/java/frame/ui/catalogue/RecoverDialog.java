package frame.ui.catalogue;

import frame.ui.common.Dialogs;
import frame.ui.common.NoticeLabel;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;

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

    TextField folder = field("recover-folder", "the folder FRAME archived to");
    Button choose = new Button("Choose…");
    choose.setId("recover-choose");
    choose.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("The archive folder");
      File dir = chooser.showDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
      if (dir != null) folder.setText(dir.getAbsolutePath());
    });
    HBox folderRow = new HBox(8, folder, choose);
    folderRow.disableProperty().bind(folderChoice.selectedProperty().not());

    TextField endpoint = field("recover-s3-endpoint", "https://nas.local:9000");
    TextField bucket = field("recover-s3-bucket", "photos");
    TextField prefix = field("recover-s3-prefix", "optional: the prefix the target was added with");
    TextField region = field("recover-s3-region", "optional, e.g. us-east-1");
    TextField keyId = field("recover-s3-key-id", "access key id");
    PasswordField secret = new PasswordField();
    secret.setId("recover-s3-secret");
    secret.setPromptText("secret access key");
    GridPane s3 = new GridPane();
    s3.setHgap(8);
    s3.setVgap(4);
    s3.addRow(0, new Label("Endpoint"), endpoint);
    s3.addRow(1, new Label("Bucket"), bucket);
    s3.addRow(2, new Label("Prefix"), prefix);
    s3.addRow(3, new Label("Region"), region);
    s3.addRow(4, new Label("Access key id"), keyId);
    s3.addRow(5, new Label("Secret"), secret);
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
        model.fromS3(endpoint.getText(), bucket.getText(), prefix.getText(), region.getText(), keyId.getText(),
            secret.getText(), download.isSelected());
        secret.clear(); // typed once; never kept in the window
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

    Dialog<Void> dialog = new Dialog<>();
    dialog.setTitle("Recover from archive");
    dialog.getDialogPane().setId("recover-dialog");
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    if (owner.getScene() != null) {
      dialog.initOwner(owner.getScene().getWindow());
      Dialogs.styleLike(dialog.getDialogPane(), owner);
    }
    dialog.initModality(Modality.NONE);
    dialog.show();
  }

  private static TextField field(String id, String prompt) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(prompt);
    field.setPrefColumnCount(32);
    return field;
  }
}
