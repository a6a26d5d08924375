package frame.ui.archive;

import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.ArchiveTargetKind;
import frame.core.api.archive.CatalogueOnTarget;
import frame.core.api.trash.RemovalSize;
import frame.ui.common.Dialogs;
import frame.ui.common.NoticeLabel;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** Archive targets with their state, the one-place count, and forms to add a folder or an S3 target. */
public final class ArchiveView extends BorderPane {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
  private TitledPane folderForm;
  private TextField folderName;

  public ArchiveView(ArchiveModel model) {
    getStyleClass().add("archive");
    ListView<ArchiveTarget> list = new ListView<>(model.targets());
    list.setId("archive-targets");
    list.setPlaceholder(new Label("No archive target yet: every photo exists in one place only."));
    list.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(ArchiveTarget target, boolean empty) {
        super.updateItem(target, empty);
        setText(empty || target == null ? null : describe(target));
      }
    });
    Button remove = new Button("Remove target…");
    remove.setId("archive-remove");
    remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> {
      ArchiveTarget target = list.getSelectionModel().getSelectedItem();
      if (target != null && Dialogs.confirm(this, "Remove the target " + target.name() + "?",
          "FRAME forgets it and its " + target.copies() + " copies; the files on it stay where they are. "
              + "Photos held only there go back to one place only.", "Remove target")) {
        model.remove(target.name());
      }
    });
    Button refresh = new Button("Refresh");
    refresh.setId("archive-refresh");
    refresh.setOnAction(e -> model.refresh());
    Label summary = new Label();
    summary.setId("archive-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(model.summary());
    HBox bar = new HBox(8, remove, refresh, summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("toolbar");
    bar.setPadding(new Insets(8));
    VBox top = new VBox(4, bar, new NoticeLabel(model.notice(), "archive-notice"));
    top.setPadding(new Insets(0, 8, 0, 8));
    setTop(top);
    setCenter(list);
    folderForm = folderForm(model);
    VBox forms = new VBox(4, folderForm, s3Form(model));
    forms.setPadding(new Insets(8));
    setBottom(forms);
  }

  /** The add flow for an external disk or a NAS folder: its form open, the name to type first. */
  public void openAddFolder() {
    folderForm.setExpanded(true);
    if (folderName.getText().isBlank()) folderName.setText("external-disk");
    folderName.requestFocus();
    folderName.selectAll();
  }

  private TitledPane folderForm(ArchiveModel model) {
    TextField name = field("archive-folder-name", "usb-disk");
    folderName = name;
    TextField folder = field("archive-folder-path", "a folder on an external disk or a mounted NAS share");
    Button choose = new Button("Choose…");
    choose.setId("archive-folder-choose");
    choose.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("A folder for the archive copies");
      File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
      if (dir != null) folder.setText(dir.getAbsolutePath());
    });
    Button add = new Button("Add folder target");
    add.setId("archive-add-folder");
    add.setOnAction(e -> {
      if (model.addFolder(name.getText(), folder.getText())) {
        name.clear();
        folder.clear();
      }
    });
    GridPane grid = grid();
    grid.addRow(0, new Label("Name"), name);
    grid.addRow(1, new Label("Folder"), folder, choose);
    grid.add(add, 1, 2);
    TitledPane pane = new TitledPane("Add a folder target", grid);
    pane.setId("archive-folder-form");
    return pane;
  }

  private TitledPane s3Form(ArchiveModel model) {
    TextField name = field("archive-s3-name", "home-minio");
    TextField endpoint = field("archive-s3-endpoint", "https://nas.local:9000");
    TextField bucket = field("archive-s3-bucket", "photos");
    TextField prefix = field("archive-s3-prefix", "optional");
    TextField region = field("archive-s3-region", "optional, e.g. us-east-1");
    TextField keyId = field("archive-s3-key-id", "access key id");
    PasswordField secret = new PasswordField();
    secret.setId("archive-s3-secret");
    secret.setPromptText("secret access key (kept by FRAME, never shown again)");
    Button add = new Button("Add S3 target");
    add.setId("archive-add-s3");
    add.setOnAction(e -> {
      boolean tried = model.addS3(name.getText(), endpoint.getText(), bucket.getText(), prefix.getText(),
          region.getText(), keyId.getText(), secret.getText());
      secret.clear(); // typed once; never kept in the window
      if (tried) {
        for (TextField f : new TextField[] {name, endpoint, bucket, prefix, region, keyId}) f.clear();
      }
    });
    GridPane grid = grid();
    grid.addRow(0, new Label("Name"), name);
    grid.addRow(1, new Label("Endpoint"), endpoint);
    grid.addRow(2, new Label("Bucket"), bucket);
    grid.addRow(3, new Label("Prefix"), prefix);
    grid.addRow(4, new Label("Region"), region);
    grid.addRow(5, new Label("Access key id"), keyId);
    grid.addRow(6, new Label("Secret"), secret);
    grid.add(add, 1, 7);
    TitledPane pane = new TitledPane("Add an S3 target (MinIO, Garage, SeaweedFS, AWS)", grid);
    pane.setId("archive-s3-form");
    pane.setExpanded(false);
    return pane;
  }

  static String describe(ArchiveTarget t) {
    String where = t.kind() == ArchiveTargetKind.S3
        ? t.location() + " · bucket " + t.bucket() + (t.prefix() == null ? "" : " · prefix " + t.prefix())
        : t.location();
    String state = t.reachable() ? "reachable" : "not reachable: " + t.problem();
    return "%s  (%s)  %s\n%s · %d cop%s held, %s · %d waiting\n%s".formatted(t.name(),
        t.kind() == ArchiveTargetKind.S3 ? "S3" : "folder", where, state, t.copies(), t.copies() == 1 ? "y" : "ies",
        RemovalSize.humanBytes(t.copiedBytes()), t.backlog(), catalogue(t.catalogue()));
  }

  /** The last daily catalogue backup kept in the target, and why the last try failed if it did. */
  static String catalogue(CatalogueOnTarget kept) {
    if (kept == null) return "Catalogue backup: the first is taken within the hour";
    String last = kept.name() == null ? "Catalogue backup: none yet"
        : "Catalogue backup: " + kept.name() + ", taken " + WHEN.format(kept.takenAt());
    return kept.problem() == null ? last : last + " · last try failed: " + kept.problem();
  }

  private static TextField field(String id, String prompt) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(prompt);
    field.setPrefColumnCount(30);
    return field;
  }

  private static GridPane grid() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(4);
    return grid;
  }
}
