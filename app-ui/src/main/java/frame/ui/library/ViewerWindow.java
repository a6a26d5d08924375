package frame.ui.library;

import frame.core.Frame;
import frame.core.ImageDetails;
import frame.core.image.ExifSummary;
import frame.core.job.Job;
import frame.core.job.JobAttempt;
import frame.core.pipeline.StepNames;
import frame.ui.Background;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** One photo: its preview, its EXIF, and every job of its pipeline with attempts and errors. */
public final class ViewerWindow {
  private ViewerWindow() {}

  public static void open(Frame frame, Background background, long imageId) {
    background.run(() -> {
      ImageDetails details = frame.imageDetails(imageId);
      return new Loaded(details, attemptsOf(frame, details), details.files().existingPreview().orElse(null));
    }, loaded -> {
      Stage stage = new Stage();
      stage.setTitle(loaded.details().image().originalName() + " — FRAME");
      stage.setScene(new Scene(content(loaded), 1200, 800));
      stage.show();
    }, failure -> {});
  }

  /** Everything the window shows, read off the FX thread. */
  record Loaded(ImageDetails details, Map<Long, List<JobAttempt>> attempts, java.nio.file.Path preview) {}

  private static Map<Long, List<JobAttempt>> attemptsOf(Frame frame, ImageDetails details) {
    return details.jobs().stream()
        .collect(Collectors.toMap(Job::id, job -> frame.jobDetails(job.id()).attempts()));
  }

  static BorderPane content(Loaded loaded) {
    ImageDetails details = loaded.details();
    ImageView preview = new ImageView();
    preview.setId("viewer-preview");
    preview.setPreserveRatio(true);
    preview.setFitWidth(820);
    preview.setFitHeight(760);
    if (loaded.preview() != null) preview.setImage(new Image(loaded.preview().toUri().toString(), true));
    VBox side = new VBox(8, new TitledPane("Camera", exif(details)), new TitledPane("Pipeline", timeline(details, loaded.attempts())));
    side.setPadding(new Insets(8));
    side.setPrefWidth(360);
    BorderPane root = new BorderPane(preview);
    root.setRight(new ScrollPane(side));
    details.previewNote().ifPresent(note -> {
      Label small = new Label(note);
      small.setId("viewer-preview-note");
      small.setWrapText(true);
      small.setStyle("-fx-padding: 8;");
      root.setBottom(small);
    });
    if (details.image().failureReason() != null) {
      Label failure = new Label(details.image().failureReason());
      failure.setWrapText(true);
      failure.setStyle("-fx-text-fill: #a31515; -fx-padding: 8;");
      root.setTop(failure);
    }
    return root;
  }

  private static GridPane exif(ImageDetails details) {
    GridPane grid = new GridPane();
    grid.setId("viewer-exif");
    grid.setHgap(8);
    grid.setVgap(4);
    ExifSummary e = details.exif().orElse(null);
    var image = details.image();
    String[][] rows = {
        {"Date taken", e != null ? e.takenAt() : image.takenAt()},
        {"Camera", join(e != null ? e.cameraMake() : image.cameraMake(), e != null ? e.cameraModel() : image.cameraModel())},
        {"Lens", e == null ? null : e.lens()},
        {"Exposure", e == null ? null : e.exposureTime()},
        {"Aperture", e == null || e.fNumber() == null ? null : "f/" + e.fNumber()},
        {"ISO", e == null || e.iso() == null ? null : e.iso().toString()},
        {"Focal length", e == null || e.focalLength() == null ? null : e.focalLength() + " mm"},
        {"GPS", e == null || e.gpsLatitude() == null ? null : "%.5f, %.5f".formatted(e.gpsLatitude(), e.gpsLongitude())},
        {"Size", image.width() + " × " + image.height() + " px, " + image.format()},
    };
    int row = 0;
    for (String[] pair : rows) {
      grid.addRow(row++, new Label(pair[0]), new Label(pair[1] == null || pair[1].isBlank() ? "—" : pair[1]));
    }
    return grid;
  }

  private static VBox timeline(ImageDetails details, Map<Long, List<JobAttempt>> attempts) {
    VBox jobs = new VBox(6);
    jobs.setId("viewer-timeline");
    for (Job job : details.jobs()) {
      Label title = new Label(StepNames.of(job.type()) + " — " + job.state() + " (" + job.attempts() + "/" + job.maxAttempts() + ")");
      title.setStyle("-fx-font-weight: bold;");
      VBox entry = new VBox(2, title);
      for (JobAttempt a : attempts.getOrDefault(job.id(), List.of())) {
        String took = a.ended() == null ? "running" : Duration.between(a.started(), a.ended()).toMillis() + " ms";
        Label line = new Label("#" + a.attempt() + " " + a.outcome() + " on " + a.workerId() + ", " + took
            + (a.error() == null ? "" : "\n" + firstLine(a.error())));
        line.setWrapText(true);
        entry.getChildren().add(line);
      }
      jobs.getChildren().add(entry);
    }
    return jobs;
  }

  private static String join(String a, String b) {
    if (a == null) return b;
    return b == null ? a : a + " " + b;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
