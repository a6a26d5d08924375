package frame.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts over the window, opened with ? and closed with Esc, ? or a click. */
final class HelpOverlay extends StackPane {
  static final String[][] SHORTCUTS = {
      {"← → ↑ ↓", "Move between photos (Shift: extend the selection)"},
      {"Click, Shift+click, Ctrl+click", "Select one, a range, or add and remove one"},
      {"Ctrl+A", "Select every photo shown"},
      {"Enter or Space", "Open the photo in the viewer"},
      {"← →  (viewer)", "Previous and next photo"},
      {"Z  (viewer)", "Fit or 100% (the original, decoded on demand); drag to pan"},
      {"P  X  U", "Pick, reject, remove the flag (grid, viewer, compare)"},
      {"0 – 5   6 – 9", "Stars; colour label red, yellow, green, blue"},
      {"F5   (F1 – F4)", "Colour label purple (darktable's keys: red, yellow, green, blue)"},
      {"S", "Open or close the stack under the cursor (stacks folded)"},
      {"C", "Compare the selection (2 to 4) or the photo's stack, sharpest first"},
      {"← →  Z  (compare)", "Choose the photo the keys mark; 100% for all, panned together"},
      {"Esc", "Back to the grid; clear the selection; close this"},
      {"+  −", "Larger and smaller tiles"},
      {"Ctrl+I", "Import photos"},
      {"Ctrl+F", "Search file names"},
      {"Delete", "Move the selection to the trash (asks first)"},
      {"Ctrl+R", "Make thumbnails and previews again for the selection"},
      {"?", "These shortcuts"},
  };

  HelpOverlay(boolean canRegenerate) {
    setId("help-overlay");
    getStyleClass().add("help-overlay");
    GridPane table = new GridPane();
    table.setHgap(24);
    table.setVgap(6);
    int row = 0;
    for (String[] shortcut : SHORTCUTS) {
      if (!canRegenerate && shortcut[0].equals("Ctrl+R")) continue;
      Label key = new Label(shortcut[0]);
      key.getStyleClass().add("help-key");
      table.addRow(row++, key, new Label(shortcut[1]));
    }
    Label title = new Label("Keyboard shortcuts");
    title.getStyleClass().add("help-title");
    VBox card = new VBox(12, title, table, new Label("Press Esc or ? to close."));
    card.getStyleClass().add("help-card");
    card.setPadding(new Insets(20));
    card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
    StackPane.setAlignment(card, Pos.CENTER);
    getChildren().add(card);
    setVisible(false);
    setOnMouseClicked(e -> setVisible(false));
  }
}
