package frame.ui.library;

import frame.core.api.culling.Shoot;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The culling row above the grid: which shoot (with its dates, source and counts, and its name to
 * edit), stacks folded or not (and the one under the cursor opened), which marks (picks, rejects,
 * unrated, at least N stars), and the compare view.
 */
final class CullBar extends HBox {
  CullBar(ShootsModel shoots, LibraryModel model, Runnable compare) {
    super(8);
    setId("cull-bar");
    getStyleClass().add("toolbar");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(0, 8, 6, 8));

    ComboBox<Shoot> choice = new ComboBox<>(shoots.shoots());
    choice.setId("shoot-choice");
    choice.setPrefWidth(220);
    choice.setCellFactory(list -> new ShootCell(true));
    choice.setButtonCell(new ShootCell(false));
    choice.valueProperty().bindBidirectional(shoots.chosen());
    choice.setOnShowing(e -> shoots.refresh());

    TextField name = new TextField();
    name.setId("shoot-name");
    name.setPromptText("Shoot name");
    name.setPrefColumnCount(14);
    Button rename = new Button("Rename");
    rename.setId("shoot-rename");
    Runnable showName = () -> name.setText(shoots.chosen().get() == null ? "" : shoots.chosen().get().name());
    Runnable doRename = () -> shoots.rename(name.getText(), showName);
    name.setOnAction(e -> doRename.run());
    rename.setOnAction(e -> doRename.run());
    Label info = new Label();
    info.setId("shoot-info");
    info.getStyleClass().add("dim");
    long[] named = {ShootsModel.ALL.id()};
    shoots.chosen().addListener((o, a, b) -> {
      if (b == null) return; // for a moment while a refresh replaces the list
      boolean one = b.id() != ShootsModel.ALL.id();
      name.setDisable(!one);
      rename.setDisable(!one);
      // a refresh brings new counts: the name being typed stays
      if (b.id() != named[0] || !name.isFocused()) showName.run();
      named[0] = b.id();
      info.setText(ShootsModel.describe(b));
    });
    name.setDisable(true);
    rename.setDisable(true);
    showName.run();

    ChoiceBox<MarkFilter> marks = new ChoiceBox<>(FXCollections.observableArrayList(MarkFilter.values()));
    marks.setId("library-marks");
    marks.valueProperty().bindBidirectional(model.marks());
    Button compareButton = new Button("Compare (C)");
    compareButton.setId("library-compare");
    compareButton.setOnAction(e -> compare.run());
    CheckBox fold = new CheckBox("Fold stacks");
    fold.setId("library-fold-stacks");
    fold.setTooltip(new Tooltip("Each stack as one tile, its top, with the number of its frames"));
    fold.selectedProperty().bindBidirectional(model.stacks().folded());
    Button openStack = new Button("Open stack (S)");
    openStack.setId("library-open-stack");
    openStack.disableProperty().bind(fold.selectedProperty().not());
    openStack.setOnAction(e -> model.stacks().toggle(model.tileAt(model.cursor().get())));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    getChildren().addAll(new Label("Shoot"), choice, name, rename, info, gap, fold, openStack, new Label("Marks"), marks,
        compareButton);
  }

  /** A shoot by name; in the open list with its dates, source and counts too. */
  private static final class ShootCell extends ListCell<Shoot> {
    private final boolean detailed;

    ShootCell(boolean detailed) {
      this.detailed = detailed;
    }

    @Override
    protected void updateItem(Shoot shoot, boolean empty) {
      super.updateItem(shoot, empty);
      if (empty || shoot == null) {
        setText(null);
        return;
      }
      String more = detailed ? ShootsModel.describe(shoot) : "";
      setText(more.isEmpty() ? shoot.name() : shoot.name() + "  ·  " + more);
    }
  }
}
