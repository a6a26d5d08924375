package frame.ui.library;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
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
  // where the picture is moved to at 100%; the compare view binds these across its panes
  private final DoubleProperty panX = new SimpleDoubleProperty();
  private final DoubleProperty panY = new SimpleDoubleProperty();
  private double roomX;
  private double roomY;
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
      panX.set(0);
      panY.set(0);
      requestLayout();
    });
    panX.addListener((o, a, b) -> requestLayout());
    panY.addListener((o, a, b) -> requestLayout());
    setOnMousePressed(e -> {
      dragX = e.getX();
      dragY = e.getY();
      e.consume(); // else the tab pane around takes the keyboard focus, and with it the culling keys
    });
    setOnMouseDragged(e -> {
      if (!actualSize.get()) return;
      pan(e.getX() - dragX, e.getY() - dragY);
      dragX = e.getX();
      dragY = e.getY();
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
    panX.set(0);
    panY.set(0);
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
    // kept within the picture as last laid out: no panning off into the void
    panX.set(Math.max(-roomX, Math.min(roomX, panX.get() + dx)));
    panY.set(Math.max(-roomY, Math.min(roomY, panY.get() + dy)));
  }

  DoubleProperty panX() {
    return panX;
  }

  DoubleProperty panY() {
    return panY;
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
      roomX = Math.max(0, (iw - w) / 2);
      roomY = Math.max(0, (ih - h) / 2);
    } else {
      double scale = Math.min(w / shown.getWidth(), h / shown.getHeight());
      scale = Math.min(scale, 1);
      iw = shown.getWidth() * scale;
      ih = shown.getHeight() * scale;
    }
    view.setFitWidth(iw);
    view.setFitHeight(ih);
    // a pan shared with a larger picture is clamped here for display only, never written back
    double x = actualSize.get() ? Math.max(-roomX, Math.min(roomX, panX.get())) : 0;
    double y = actualSize.get() ? Math.max(-roomY, Math.min(roomY, panY.get())) : 0;
    view.relocate((w - iw) / 2 + x, (h - ih) / 2 + y);
  }
}
