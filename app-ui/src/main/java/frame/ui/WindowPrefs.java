package frame.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * What the window remembers between runs (size, position, last pane, theme, tile size), in
 * {@code window.properties} in the data folder: each library keeps its own, and tests never
 * touch a person's settings.
 */
public final class WindowPrefs {
  private final Path file;
  private final Properties values = new Properties();

  public WindowPrefs(Path dataDir) {
    this.file = dataDir.resolve("window.properties");
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        values.load(in);
      } catch (IOException | IllegalArgumentException e) {
        values.clear(); // a damaged file only costs the remembered layout
      }
    }
  }

  public String get(String key, String fallback) {
    return values.getProperty(key, fallback);
  }

  public double number(String key, double fallback) {
    try {
      return Double.parseDouble(values.getProperty(key, ""));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  public void put(String key, Object value) {
    values.setProperty(key, String.valueOf(value));
  }

  /** Puts the stage where it was, if that place is still on a screen. */
  public void placeStage(Stage stage) {
    double w = number("width", 1280);
    double h = number("height", 820);
    stage.setWidth(Math.max(640, w));
    stage.setHeight(Math.max(480, h));
    double x = number("x", Double.NaN);
    double y = number("y", Double.NaN);
    if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
      stage.setX(x);
      stage.setY(y);
    }
    stage.setMaximized(Boolean.parseBoolean(get("maximized", "false")));
  }

  public void rememberStage(Stage stage) {
    put("maximized", stage.isMaximized());
    if (!stage.isMaximized()) {
      put("width", stage.getWidth());
      put("height", stage.getHeight());
      put("x", stage.getX());
      put("y", stage.getY());
    }
  }

  /** Written whole to a temp file and moved over the old one: a crash leaves one or the other. */
  public void save() {
    try {
      Files.createDirectories(file.getParent());
      Path part = file.resolveSibling("window.properties.part");
      try (OutputStream out = Files.newOutputStream(part)) {
        values.store(out, "FRAME window layout");
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the layout is a convenience: not remembering it is no reason to fail closing
    }
  }
}
