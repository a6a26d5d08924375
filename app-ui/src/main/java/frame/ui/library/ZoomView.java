package frame.ui.library;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The photo, fitted to the space or at 100% (one image pixel to one screen pixel), panned by
 * dragging. At 100% it shows the full-size original once decoded, the preview until then.
 */
final class ZoomView extends Region {
  private final ImageView view = new ImageView();
  private final BooleanProperty actualSize = new SimpleBooleanProperty(false);
  private Image fitted;
  private Image original;
  private double panX;
  private double panY;
  private double dragX;
  private double dragY;

  ZoomView() {
    getStyleClass().add("zoom-view");
    view.setId("viewer-preview");
    view.setPreserveRatio(true);
    view.setSmooth(true);
    getChildren().add(view);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    actualSize.addListener((o, a, b) -> {
      panX = 0;
      panY = 0;
      requestLayout();
    });
    setOnMousePressed(e -> {
      dragX = e.getX();
      dragY = e.getY();
    });
    setOnMouseDragged(e -> {
      if (!actualSize.get()) return;
      panX += e.getX() - dragX;
      panY += e.getY() - dragY;
      dragX = e.getX();
      dragY = e.getY();
      requestLayout();
    });
  }

  BooleanProperty actualSize() {
    return actualSize;
  }

  ImageView imageView() {
    return view;
  }

  void show(Image preview) {
    fitted = preview;
    original = null;
    panX = 0;
    panY = 0;
    requestLayout();
  }

  void showOriginal(Image full) {
    original = full;
    requestLayout();
  }

  boolean hasOriginal() {
    return original != null;
  }

  /** Moves the picture by a drag's distance (what the mouse does; tests call it directly). */
  void pan(double dx, double dy) {
    panX += dx;
    panY += dy;
    requestLayout();
  }

  double panX() {
    return panX;
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    Image shown = actualSize.get() && original != null ? original : fitted;
    view.setImage(shown);
    if (shown == null) return;
    double iw;
    double ih;
    if (actualSize.get()) {
      // 100%: one pixel of the original (the preview's until it is decoded) to one of the screen
      iw = shown.getWidth();
      ih = shown.getHeight();
      double screen = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
      iw /= screen;
      ih /= screen;
      // keep the picture covering the view: no panning off into the void
      panX = clampPan(panX, iw, w);
      panY = clampPan(panY, ih, h);
    } else {
      double scale = Math.min(w / shown.getWidth(), h / shown.getHeight());
      scale = Math.min(scale, 1);
      iw = shown.getWidth() * scale;
      ih = shown.getHeight() * scale;
    }
    view.setFitWidth(iw);
    view.setFitHeight(ih);
    view.relocate((w - iw) / 2 + panX, (h - ih) / 2 + panY);
  }

  private static double clampPan(double pan, double image, double space) {
    double room = Math.max(0, (image - space) / 2);
    return Math.max(-room, Math.min(room, pan));
  }
}
