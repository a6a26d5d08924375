package frame.ui.library;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The histogram drawn as Lightroom does: red, green and blue overlaid, luminance as a light outline. */
public final class HistogramView extends Canvas {
  static final double WIDTH = 320;
  static final double HEIGHT = 120;
  private Histogram histogram;

  HistogramView() {
    super(WIDTH, HEIGHT);
    setId("viewer-histogram");
    getStyleClass().add("histogram");
    draw();
  }

  public Histogram histogram() {
    return histogram;
  }

  void show(Histogram histogram) {
    this.histogram = histogram;
    draw();
  }

  private void draw() {
    GraphicsContext g = getGraphicsContext2D();
    g.setFill(Color.rgb(24, 24, 24));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    if (histogram == null) return;
    double peak = histogram.peak();
    channel(g, histogram.red(), peak, Color.rgb(230, 60, 60, 0.45));
    channel(g, histogram.green(), peak, Color.rgb(60, 200, 80, 0.45));
    channel(g, histogram.blue(), peak, Color.rgb(70, 120, 240, 0.45));
    g.setStroke(Color.rgb(235, 235, 235, 0.9));
    g.setLineWidth(1.2);
    g.beginPath();
    for (int i = 0; i < 256; i++) {
      double x = i * WIDTH / 255;
      double y = HEIGHT - Math.min(1, histogram.luminance()[i] / peak) * (HEIGHT - 4);
      if (i == 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.stroke();
  }

  private static void channel(GraphicsContext g, int[] bins, double peak, Color color) {
    g.setFill(color);
    g.beginPath();
    g.moveTo(0, HEIGHT);
    for (int i = 0; i < 256; i++) g.lineTo(i * WIDTH / 255, HEIGHT - Math.min(1, bins[i] / peak) * (HEIGHT - 4));
    g.lineTo(WIDTH, HEIGHT);
    g.closePath();
    g.fill();
  }
}
