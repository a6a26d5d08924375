package frame.ui.jobs;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.ui.common.ThumbnailCache;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.image.ImageView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Every job, filterable, live; the selected one's full story below. */
public final class JobsView extends BorderPane {
  /** {@code openImage} opens a photo's viewer, as a tile's double click in the library does. */
  public JobsView(JobsModel model, LongConsumer openImage) {
    ComboBox<JobState> status = new ComboBox<>(FXCollections.observableArrayList(JobState.values()));
    status.setId("jobs-status");
    status.setPromptText("Any status");
    status.valueProperty().bindBidirectional(model.status());
    ComboBox<JobType> type = new ComboBox<>(FXCollections.observableArrayList(JobType.values()));
    type.setPromptText("Any type");
    type.valueProperty().bindBidirectional(model.type());
    TextField image = new TextField();
    image.setPromptText("Image id");
    image.setPrefColumnCount(6);
    image.textProperty().bindBidirectional(model.imageFilter());
    Button clear = new Button("Clear filters");
    clear.setOnAction(e -> {
      model.status().set(null);
      model.type().set(null);
      model.imageFilter().set("");
    });
    Button previous = new Button("‹ Previous");
    previous.setOnAction(e -> model.previousPage());
    Button next = new Button("Next ›");
    next.setOnAction(e -> model.nextPage());
    Label page = new Label();
    page.textProperty().bind(Bindings.createStringBinding(() -> model.total().get() == 0 ? "no jobs"
        : "%d–%d of %d".formatted(model.offset().get() + 1,
            Math.min(model.total().get(), model.offset().get() + JobsModel.PAGE_SIZE), model.total().get()),
        model.offset(), model.total()));
    HBox filters = new HBox(8, new Label("Status"), status, new Label("Type"), type, image, clear, previous, page, next);
    filters.setPadding(new Insets(8));
    setTop(filters);

    TableView<JobsModel.Row> table = new TableView<>(model.jobs());
    table.setId("jobs-table");
    table.getColumns().add(column("ID", j -> Long.toString(j.id()), 70));
    table.getColumns().add(column("Type", j -> j.type().name(), 190));
    table.getColumns().add(column("Image", j -> j.imageId() == null ? "" : j.imageId().toString(), 70));
    table.getColumns().add(photoColumn(new ThumbnailCache(JobsModel.PAGE_SIZE * 2)));
    table.getColumns().add(column("Status", j -> j.state().name(), 100));
    table.getColumns().add(column("Priority", j -> j.priority().name().toLowerCase(java.util.Locale.ROOT), 90));
    table.getColumns().add(column("Attempts", j -> j.attempts() + "/" + j.maxAttempts(), 80));
    table.getColumns().add(column("Interrupted", j -> j.interruptions() + "/" + j.maxInterruptions(), 90));
    table.getColumns().add(column("Worker", j -> j.workerId() == null ? "" : j.workerId(), 200));
    table.getColumns().add(column("Updated", j -> j.updatedAt().toString(), 200));
    table.getColumns().add(column("Error", j -> j.lastError() == null ? "" : j.lastError().lines().findFirst().orElse(""), 300));
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.select(b));
    Button retry = new Button("Retry");
    retry.setId("jobs-retry");
    retry.setTooltip(new javafx.scene.control.Tooltip("A new attempt now for the selected failed or cancelled jobs"));
    retry.setOnAction(e -> model.retry(table.getSelectionModel().getSelectedItems().stream().map(JobsModel.Row::job).toList()));
    Button cancel = new Button("Cancel");
    cancel.setId("jobs-cancel");
    cancel.setTooltip(new javafx.scene.control.Tooltip("Take the selected pending jobs out of the queue"));
    cancel.setOnAction(e -> model.cancel(table.getSelectionModel().getSelectedItems().stream().map(JobsModel.Row::job).toList()));
    retry.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
    cancel.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
    Label message = new Label();
    message.setId("jobs-message");
    message.textProperty().bind(model.message());
    TextArea detail = new TextArea();
    detail.setId("jobs-detail");
    detail.setEditable(false);
    detail.setStyle("-fx-font-family: monospace;");
    detail.textProperty().bind(model.detail());
    Hyperlink openPhoto = new Hyperlink();
    openPhoto.setId("jobs-open-photo");
    openPhoto.textProperty().bind(Bindings.createStringBinding(() -> model.detailImage().get() == null ? ""
        : "Open " + model.detailImage().get().originalName(), model.detailImage()));
    openPhoto.visibleProperty().bind(model.detailImage().isNotNull());
    openPhoto.setOnAction(e -> {
      if (model.detailImage().get() != null) openImage.accept(model.detailImage().get().id());
    });
    BorderPane detailPane = new BorderPane(detail);
    detailPane.setTop(openPhoto);
    SplitPane split = new SplitPane(table, detailPane);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.6);
    setCenter(split);
    Label counts = new Label();
    counts.setId("jobs-counts");
    counts.textProperty().bind(model.counts());
    HBox bottom = new HBox(8, retry, cancel, message, counts);
    bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    setBottom(bottom);
    BorderPane.setMargin(bottom, new Insets(4, 8, 4, 8));
  }

  private static TableColumn<JobsModel.Row, String> column(String title, Function<Job, String> value, double width) {
    TableColumn<JobsModel.Row, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue().job())));
    column.setPrefWidth(width);
    return column;
  }

  /** The photo's name beside its small thumbnail (none until it is made). */
  private static TableColumn<JobsModel.Row, JobsModel.Row> photoColumn(ThumbnailCache thumbnails) {
    TableColumn<JobsModel.Row, JobsModel.Row> column = new TableColumn<>("Photo");
    column.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
    column.setCellFactory(c -> new TableCell<>() {
      private final ImageView picture = new ImageView();

      @Override
      protected void updateItem(JobsModel.Row row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().remove("job-photo");
        if (empty || row == null || row.image() == null) {
          setText(null);
          setGraphic(null);
          return;
        }
        getStyleClass().add("job-photo");
        setText(row.image().originalName());
        picture.setImage(row.thumbnail() == null ? null : thumbnails.get(row.thumbnail(), PICTURE));
        picture.setFitWidth(PICTURE);
        picture.setFitHeight(PICTURE);
        picture.setPreserveRatio(true);
        setGraphic(picture);
      }
    });
    column.setPrefWidth(220);
    return column;
  }

  private static final double PICTURE = 32;
}
