package frame.ui.archive;

import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.ArchiveTargetKind;
import frame.core.api.archive.CatalogueOnTarget;
import frame.core.api.trash.RemovalSize;
import frame.ui.common.Dialogs;
import frame.ui.common.Forms;
import frame.ui.common.NoticeLabel;
import frame.ui.common.S3TargetForm;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

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
    TextField name = Forms.field("archive-folder-name", "usb-disk");
    folderName = name;
    TextField folder = Forms.field("archive-folder-path", "a folder on an external disk or a mounted NAS share");
    Button choose = Forms.chooseFolder("archive-folder-choose", "A folder for the archive copies", this, folder);
    Button add = new Button("Add folder target");
    add.setId("archive-add-folder");
    add.setOnAction(e -> {
      if (model.addFolder(name.getText(), folder.getText())) {
        name.clear();
        folder.clear();
      }
    });
    GridPane grid = Forms.grid();
    grid.addRow(0, new Label("Name"), name);
    grid.addRow(1, new Label("Folder"), folder, choose);
    grid.add(add, 1, 2);
    TitledPane pane = new TitledPane("Add a folder target", grid);
    pane.setId("archive-folder-form");
    return pane;
  }

  private TitledPane s3Form(ArchiveModel model) {
    TextField name = Forms.field("archive-s3-name", "home-minio");
    S3TargetForm s3 = new S3TargetForm("archive-s3", "optional", "secret access key (kept by FRAME, never shown again)");
    Button add = new Button("Add S3 target");
    add.setId("archive-add-s3");
    add.setOnAction(e -> {
      boolean tried = model.addS3(name.getText(), s3.endpoint(), s3.bucket(), s3.prefix(), s3.region(), s3.keyId(),
          s3.secret());
      s3.clearSecret(); // typed once; never kept in the window
      if (tried) {
        name.clear();
        s3.clear();
      }
    });
    GridPane grid = Forms.grid();
    grid.addRow(0, new Label("Name"), name);
    grid.add(add, 1, s3.addRows(grid, 1));
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
}
