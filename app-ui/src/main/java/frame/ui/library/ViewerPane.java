package frame.ui.library;

import frame.core.api.Archive;
import frame.core.api.Library;
import frame.core.api.Jobs;
import frame.core.api.FrameLibrary;
import frame.core.api.ImageDetails;
import frame.core.api.library.ExifSummary;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.ui.common.Background;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One photo in the window: fitted or at 100% (the original decoded on demand, off the FX thread),
 * panned by dragging; its histogram, camera and the pipeline's timeline beside it.
 */
public final class ViewerPane extends BorderPane {
  private final Jobs jobsPort;
  private final Library library;
  private final Archive archive;
  private final Background background;
  private final ZoomView zoom = new ZoomView();
  private final HistogramView histogram = new HistogramView();
  private final Label title = new Label();
  private final Label status = new Label();
  // stars, flag, label and focus figure of the photo shown
  private final Label marks = new Label();
  private final frame.core.api.Culling culling;
  private final VBox side = new VBox(8);
  private final LongProperty imageId = new SimpleLongProperty(0);
  private final ToggleButton fit = new ToggleButton("Fit");
  private final ToggleButton actual = new ToggleButton("100%");

  ViewerPane(FrameLibrary frame, Background background, Runnable back, Runnable previous, Runnable next) {
    this.jobsPort = frame.ports().jobs();
    this.library = frame.ports().library();
    this.archive = frame.ports().archive();
    this.culling = frame.ports().culling();
    this.background = background;
    setId("viewer");
    getStyleClass().add("viewer");
    Button backButton = new Button("‹ Library");
    backButton.setId("viewer-back");
    backButton.setOnAction(e -> back.run());
    Button prev = new Button("◀ Previous");
    prev.setId("viewer-previous");
    prev.setOnAction(e -> previous.run());
    Button nextButton = new Button("Next ▶");
    nextButton.setId("viewer-next");
    nextButton.setOnAction(e -> next.run());
    ToggleGroup zoomGroup = new ToggleGroup();
    fit.setToggleGroup(zoomGroup);
    actual.setToggleGroup(zoomGroup);
    fit.setId("viewer-fit");
    actual.setId("viewer-100");
    fit.setSelected(true);
    zoomGroup.selectedToggleProperty().addListener((o, a, b) -> {
      if (b == null) {
        (a == fit ? fit : actual).setSelected(true); // one of the two is always on
        return;
      }
      showActualSize(b == actual);
    });
    title.getStyleClass().add("viewer-title");
    title.setId("viewer-title");
    status.getStyleClass().add("viewer-status");
    status.setId("viewer-status");
    marks.setId("viewer-marks");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, backButton, prev, nextButton, title, marks, gap, status, fit, actual);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("toolbar");
    bar.setPadding(new Insets(6, 8, 6, 8));
    setTop(bar);
    setCenter(zoom);
    side.setPadding(new Insets(8));
    side.setPrefWidth(360);
    ScrollPane scroll = new ScrollPane(side);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("viewer-side");
    setRight(scroll);
  }

  public LongProperty imageId() {
    return imageId;
  }

  ZoomView zoom() {
    return zoom;
  }

  public HistogramView histogramView() {
    return histogram;
  }

  /** Toggles fit and 100% (the Z key, as in Lightroom). */
  void toggleZoom() {
    (actual.isSelected() ? fit : actual).setSelected(true);
  }

  /** The photo shown now. */
  long shownId() {
    return imageId.get();
  }

  /** The photo's marks changed (a culling key): the bar shows them. */
  void showMarks(frame.core.api.culling.ImageMarks now) {
    if (now != null && now.imageId() == imageId.get()) marks.setText(CullKeys.describe(now));
  }

  void show(long id) {
    imageId.set(id);
    marks.setText("");
    zoom.show(null);
    histogram.show(null);
    status.setText("");
    background.run(() -> load(id), loaded -> {
      if (imageId.get() != id) return; // stepped on meanwhile
      ImageDetails details = loaded.details();
      title.setText(details.image().originalName() + "  ·  " + details.image().width() + " × " + details.image().height());
      zoom.show(loaded.preview());
      showMarks(loaded.marks());
      if (loaded.histogram() != null) histogram.show(loaded.histogram());
      side.getChildren().setAll(section("Histogram", histogram), section("Camera", exif(details)),
          section("Original", whereTheOriginalIs(loaded)), section("Pipeline", timeline(details, loaded.attempts())));
      details.previewNote().ifPresent(note -> {
        // a RAW whose largest embedded preview is small: the preview is that size, never upscaled
        Label small = new Label(note);
        small.setId("viewer-preview-note");
        small.setWrapText(true);
        side.getChildren().add(0, small);
      });
      if (details.image().failureReason() != null) {
        Label failure = new Label(details.image().failureReason());
        failure.setWrapText(true);
        failure.getStyleClass().add("viewer-failure");
        side.getChildren().add(0, failure);
      }
      if (actual.isSelected()) showActualSize(true);
    }, failure -> status.setText("Cannot show this photo: " + failure.getMessage()));
  }

  /** Everything the pane shows, read and decoded off the FX thread. */
  record Loaded(ImageDetails details, Map<Long, List<JobAttempt>> attempts, Image preview, Histogram histogram,
      boolean originalHere, List<frame.core.api.archive.ArchiveCopy> copies, frame.core.api.culling.ImageMarks marks) {}

  /** "On this computer", "On nas, verified ...": where the photo's original lives. */
  private static VBox whereTheOriginalIs(Loaded loaded) {
    VBox lines = new VBox(2);
    lines.setId("viewer-original-places");
    if (loaded.originalHere()) lines.getChildren().add(new Label("On this computer"));
    for (var copy : loaded.copies()) {
      lines.getChildren().add(new Label("On " + copy.target() + ", verified " + copy.verifiedAt().toString()
          .replace('T', ' ').substring(0, 16)));
    }
    if (loaded.copies().isEmpty()) {
      Label risk = new Label("In one place only: add an archive target (an external disk or a NAS) with frame archive add");
      risk.setWrapText(true);
      lines.getChildren().add(risk);
    }
    return lines;
  }

  private Loaded load(long id) {
    ImageDetails details = library.details(id);
    Map<Long, List<JobAttempt>> attempts = details.jobs().stream()
        .collect(Collectors.toMap(Job::id, job -> jobsPort.details(job.id()).attempts()));
    Path preview = details.files().existingPreview().orElse(null);
    Image image = preview == null ? null : new Image(preview.toUri().toString());
    Histogram bins = image == null || image.isError() ? null : Histogram.of(image);
    return new Loaded(details, attempts, image, bins, java.nio.file.Files.isRegularFile(details.files().original()),
        archive.copies(id), culling.marks(List.of(id)).get(id));
  }

  private void showActualSize(boolean on) {
    zoom.actualSize().set(on);
    if (!on || zoom.hasOriginal() || imageId.get() == 0) return;
    long id = imageId.get();
    status.setText("Decoding the original…");
    background.run(() -> toFx(library.decodeOriginal(id)), full -> {
      if (imageId.get() != id) return;
      zoom.showOriginal(full);
      status.setText("100% · original " + (int) full.getWidth() + " × " + (int) full.getHeight());
    }, failure -> status.setText("The original cannot be decoded here: " + failure.getMessage()));
  }

  static WritableImage toFx(BufferedImage picture) {
    int w = picture.getWidth();
    int h = picture.getHeight();
    WritableImage image = new WritableImage(w, h);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      picture.getRGB(0, y, w, 1, row, 0, w);
      image.getPixelWriter().setPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
    }
    return image;
  }

  private static TitledPane section(String name, javafx.scene.Node content) {
    TitledPane pane = new TitledPane(name, content);
    pane.setCollapsible(true);
    return pane;
  }

  private static GridPane exif(ImageDetails details) {
    GridPane grid = new GridPane();
    grid.setId("viewer-exif");
    grid.setHgap(8);
    grid.setVgap(4);
    ExifSummary e = details.exif().orElse(null);
    var image = details.image();
    String[][] rows = {
        {"Date taken", details.dateTaken().orElse(null)},
        {"Camera", details.camera().orElse(null)},
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
      Label key = new Label(pair[0]);
      key.getStyleClass().add("dim");
      grid.addRow(row++, key, new Label(pair[1] == null || pair[1].isBlank() ? "—" : pair[1]));
    }
    return grid;
  }

  private static VBox timeline(ImageDetails details, Map<Long, List<JobAttempt>> attempts) {
    VBox jobs = new VBox(6);
    jobs.setId("viewer-timeline");
    for (Job job : details.jobs()) {
      Label title = new Label(job.type().stepName() + " — " + job.state() + " (" + job.attempts() + "/" + job.maxAttempts() + ")");
      title.getStyleClass().add("timeline-job");
      VBox entry = new VBox(2, title);
      for (JobAttempt a : attempts.getOrDefault(job.id(), List.of())) {
        String took = a.ended() == null ? "running" : Duration.between(a.started(), a.ended()).toMillis() + " ms";
        Label line = new Label("#" + a.attempt() + " " + a.outcome() + " on " + a.workerId() + ", " + took
            + (a.error() == null ? "" : "\n" + firstLine(a.error())));
        line.setWrapText(true);
        line.getStyleClass().add("dim");
        entry.getChildren().add(line);
      }
      jobs.getChildren().add(entry);
    }
    return jobs;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
