package frame.ui.library;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * Lightroom's top-left progress: the running import's files and photos, speed and time left, a
 * cancel, and failures as a link to the grid filtered to them.
 */
final class ActivityBar extends HBox {
  ActivityBar(ImportActivity activity, Runnable showFailures) {
    setId("activity-bar");
    getStyleClass().add("activity-bar");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(10);
    setPadding(new Insets(4, 8, 4, 8));
    ProgressBar progress = new ProgressBar();
    progress.setId("activity-progress");
    progress.setPrefWidth(180);
    progress.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
      int total = activity.total().get() - activity.skipped().get();
      if (total <= 0) return 0.0;
      // half the bar is taking files in, half is processing them
      double in = (double) activity.ingested().get() / total;
      double done = activity.stored().get() == 0 ? in : (double) activity.processed().get() / Math.max(1, activity.stored().get()) * in;
      return Math.min(1.0, (in + done) / 2);
    }, activity.total(), activity.ingested(), activity.processed(), activity.stored(), activity.skipped()));
    Label text = new Label();
    text.setId("activity-text");
    text.textProperty().bind(activity.text());
    Button cancel = new Button("Cancel import");
    cancel.setId("activity-cancel");
    cancel.setOnAction(e -> activity.cancel());
    cancel.visibleProperty().bind(activity.active());
    cancel.managedProperty().bind(activity.active());
    progress.visibleProperty().bind(activity.active());
    progress.managedProperty().bind(activity.active());
    Hyperlink failures = new Hyperlink();
    failures.setId("activity-failures");
    failures.getStyleClass().add("state-failed-link");
    failures.textProperty().bind(activity.failures().asString("✕ %d failed — show them"));
    failures.visibleProperty().bind(activity.failures().greaterThan(0));
    failures.managedProperty().bind(failures.visibleProperty());
    failures.setOnAction(e -> showFailures.run());
    getChildren().addAll(progress, text, failures, cancel);
    visibleProperty().bind(activity.text().isNotEmpty());
    managedProperty().bind(visibleProperty());
  }
}
