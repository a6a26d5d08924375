package frame.ui.library;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** Upload → Ingest → Process → Processed, each step styled done, active or failed by pseudo-class. */
final class StepTracker extends HBox {
  private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
  private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
  private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
  private static final String[] STEPS = {"Upload", "Ingest", "Process", "Processed"};

  private final Label[] labels = new Label[STEPS.length];

  StepTracker() {
    getStyleClass().add("step-tracker");
    for (int i = 0; i < STEPS.length; i++) {
      labels[i] = new Label(STEPS[i]);
      labels[i].getStyleClass().add("step");
      labels[i].setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      getChildren().add(labels[i]);
    }
  }

  void show(TileStep step) {
    int reached = switch (step) {
      case UPLOADING -> 0;
      case INGESTED -> 1;
      case PROCESSING -> 2;
      case PROCESSED, DUPLICATE -> 4;
      case FAILED -> 2;
      case REJECTED -> 1;
    };
    for (int i = 0; i < labels.length; i++) {
      boolean problem = step.isProblem() && i == reached;
      labels[i].pseudoClassStateChanged(DONE, i < reached);
      labels[i].pseudoClassStateChanged(ACTIVE, i == reached && !problem);
      labels[i].pseudoClassStateChanged(FAILED, problem);
    }
  }
}
