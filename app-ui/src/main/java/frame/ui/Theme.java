package frame.ui;

import javafx.scene.Scene;

/**
 * The window's look: neutral dark grey (photos are judged against a neutral surround) or light.
 * Each is Modena recoloured through its base colours plus FRAME's own stylesheet, which every
 * pane and dialog of the window shares.
 */
public enum Theme {
  DARK("Dark", "dark.css"),
  LIGHT("Light", "light.css");

  private final String label;
  private final String colours;

  Theme(String label, String colours) {
    this.label = label;
    this.colours = colours;
  }

  public void applyTo(Scene scene) {
    scene.getStylesheets().setAll(
        Theme.class.getResource("theme/" + colours).toExternalForm(),
        Theme.class.getResource("theme/frame.css").toExternalForm());
  }

  public static Theme named(String name) {
    for (Theme theme : values()) if (theme.name().equalsIgnoreCase(name)) return theme;
    return DARK;
  }

  @Override
  public String toString() {
    return label;
  }
}
