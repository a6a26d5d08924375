package frame.ui.common;

import java.io.File;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;

/** The pieces FRAME's forms are made of, spaced and sized alike in every pane and dialog. */
public final class Forms {
  private Forms() {}

  /** A text field with its id and a hint of what goes in it. */
  public static TextField field(String id, String prompt) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(prompt);
    field.setPrefColumnCount(30);
    return field;
  }

  /** A grid for labelled rows. */
  public static GridPane grid() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(4);
    return grid;
  }

  /** A "Choose…" button that asks for a folder (titled {@code title}) and puts its path in {@code into}. */
  public static Button chooseFolder(String id, String title, Node owner, TextField into) {
    Button choose = new Button("Choose…");
    choose.setId(id);
    choose.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle(title);
      File dir = chooser.showDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
      if (dir != null) into.setText(dir.getAbsolutePath());
    });
    return choose;
  }
}
