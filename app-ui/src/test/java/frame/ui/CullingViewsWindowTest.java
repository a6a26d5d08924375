package frame.ui;

import static frame.core.testing.TestImages.detailedPhoto;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.onFx;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.culling.Flag;
import frame.core.api.culling.MarkChange;
import frame.core.api.culling.Shoot;
import frame.core.api.library.LibraryQuery;
import frame.ui.library.LibraryView;
import frame.ui.library.MarkFilter;
import frame.ui.library.TileModel;
import frame.ui.library.TileStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Browsing by shoot, the mark filters, finished tiles and the include-deleted import, in the real window. */
@ExtendWith(ApplicationExtension.class)
class CullingViewsWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-cull-views");

  @AfterEach
  void stop() throws Exception {
    shown.frame().ports().queue().resume(null);
  }

  @Test
  void the_library_shows_one_shoot_with_its_dates_source_and_counts_and_its_name_is_editable(FxRobot robot) throws Exception {
    Path wedding = folder("Wedding", 2, 10);
    Path party = folder("Party", 1, 20);
    drop(robot, wedding);
    waitUntil(() -> processed() == 2);
    drop(robot, party);
    waitUntil(() -> processed() == 3);
    @SuppressWarnings("unchecked")
    ComboBox<Shoot> choice = robot.lookup("#shoot-choice").queryAs(ComboBox.class);
    waitUntil(() -> onFx(() -> choice.getItems().size()) == 3);
    Shoot weddingShoot = onFx(() -> choice.getItems().stream().filter(s -> s.name().equals("Wedding")).findFirst().orElseThrow());

    robot.interact(() -> choice.setValue(weddingShoot));

    waitUntil(() -> processed() == 2 && tiles().stream().allMatch(t -> t.name().get().startsWith("Wedding-")));
    assertThat(robot.lookup("#shoot-info").queryAs(Label.class).getText())
        .endsWith("folder · 2 photos · 0 picks · 0 rejects");

    var name = robot.lookup("#shoot-name").queryTextInputControl();
    // the keyboard, not the mouse: a mouse left resting over a control with a tooltip lets
    // Monocle's headless tooltip window take the keys
    robot.interact(() -> {
      name.requestFocus();
      name.selectAll();
    });
    robot.write("Smith wedding").type(KeyCode.ENTER);
    waitUntil(() -> shown.frame().ports().culling().shoots().stream().anyMatch(s -> s.name().equals("Smith wedding")));
    waitUntil(() -> onFx(() -> choice.getValue().name()).equals("Smith wedding"));
    assertThat(shown.frame().ports().culling().shoots()).extracting(Shoot::name).containsExactlyInAnyOrder("Smith wedding", "Party");

    robot.interact(() -> {
      name.requestFocus();
      name.selectAll();
    });
    robot.type(KeyCode.SPACE).type(KeyCode.ENTER); // a blank name is refused
    waitUntil(() -> robot.lookup("#library-notice").queryAs(Label.class).getText().contains("rename the shoot"));
    waitUntil(() -> onFx(name::getText).equals("Smith wedding"));
    assertThat(shown.frame().ports().culling().shoots()).extracting(Shoot::name).contains("Smith wedding");

    robot.interact(() -> choice.setValue(choice.getItems().getFirst())); // all shoots
    waitUntil(() -> processed() == 3);
  }

  @Test
  void picks_rejects_unrated_and_at_least_n_stars_filter_the_grid(FxRobot robot) throws Exception {
    drop(robot, folder("Card", 4, 30));
    waitUntil(() -> processed() == 4);
    List<Long> ids = shown.frame().ports().library().ids(LibraryQuery.all());
    var culling = shown.frame().ports().culling();
    long pick = ids.get(0);
    long reject = ids.get(1);
    long five = ids.get(2);
    culling.markAll(List.of(pick), MarkChange.flag(Flag.PICK));
    culling.markAll(List.of(pick), MarkChange.rating(3));
    culling.markAll(List.of(reject), MarkChange.flag(Flag.REJECT));
    culling.markAll(List.of(five), MarkChange.rating(5));
    @SuppressWarnings("unchecked")
    ChoiceBox<MarkFilter> marks = robot.lookup("#library-marks").queryAs(ChoiceBox.class);

    assertShown(robot, marks, MarkFilter.PICKS, Set.of(pick));
    assertShown(robot, marks, MarkFilter.REJECTS, Set.of(reject));
    assertShown(robot, marks, MarkFilter.UNRATED, Set.of(reject, ids.get(3)));
    assertShown(robot, marks, MarkFilter.THREE_STARS, Set.of(pick, five));
    assertShown(robot, marks, MarkFilter.FIVE_STARS, Set.of(five));
    assertShown(robot, marks, MarkFilter.ALL, Set.copyOf(ids));
  }

  @Test
  void a_finished_tile_shows_picture_name_marks_and_focus_and_steps_only_while_on_its_way(FxRobot robot) throws Exception {
    shown.frame().ports().queue().pause(null); // the photo waits at its first step
    Path card = Files.createDirectories(shown.dataDir().resolve("Steps"));
    write(card, "IMG_0001.jpg", jpeg(detailedPhoto(1000, 700, 4)));
    drop(robot, card);
    waitUntil(() -> tiles().size() == 1 && tiles().getFirst() != null && tiles().getFirst().step().get() == TileStep.INGESTED);
    waitUntil(() -> robot.lookup(".tile-badge").queryAs(Label.class).isVisible());
    assertThat(robot.lookup(".tile-badge").queryAs(Label.class).getText()).isEqualTo("◔ Stored");
    assertThat(robot.lookup(".step-tracker").query().isVisible()).as("the steps show on the way").isTrue();

    shown.frame().ports().queue().resume(null);
    waitUntil(() -> processed() == 1);
    waitUntil(() -> onFx(() -> tiles().getFirst().marks().get() != null && tiles().getFirst().marks().get().sharpness() != null));
    waitUntil(() -> !robot.lookup(".tile-badge").queryAs(Label.class).isVisible());
    Node tracker = robot.lookup(".step-tracker").query();
    assertThat(tracker.isVisible() || tracker.isManaged()).as("a finished tile has no steps").isFalse();
    assertThat(robot.lookup(".tile-name").queryAs(Label.class).getText()).isEqualTo("IMG_0001.jpg");
    assertThat(robot.lookup(".tile-message").queryAs(Label.class).getText()).isEqualTo("☆☆☆☆☆");
    waitUntil(() -> robot.lookup(".tile-focus").queryAs(Label.class).isVisible());
    long sharpness = Math.round(onFx(() -> tiles().getFirst().marks().get().sharpness()));
    assertThat(robot.lookup(".tile-focus").queryAs(Label.class).getText()).isEqualTo("◎ " + sharpness);

    robot.type(KeyCode.RIGHT).type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#viewer-marks").tryQueryAs(Label.class)
        .map(marks -> marks.isVisible() && marks.getText().endsWith("focus " + sharpness)).orElse(false));
    robot.type(KeyCode.DIGIT4); // once the viewer shows the photo, so the key is the viewer's
    long id = onFx(() -> shown.window().library().idAt(0));
    waitUntil(() -> shown.frame().ports().culling().marks(List.of(id)).get(id).rating() == 4);
    waitUntil(() -> robot.lookup("#viewer-marks").queryAs(Label.class).getText().startsWith("★★★★☆"));
    assertThat(robot.lookup("#viewer-marks").queryAs(Label.class).getText()).isEqualTo("★★★★☆ · focus " + sharpness);
    robot.type(KeyCode.ESCAPE);
  }

  @Test
  void photos_deleted_for_good_are_skipped_and_counted_unless_include_deleted_is_ticked(FxRobot robot) throws Exception {
    Path card = folder("Card", 3, 40);
    drop(robot, card);
    waitUntil(() -> processed() == 3);
    List<Long> ids = shown.frame().ports().library().ids(LibraryQuery.all());
    shown.frame().ports().culling().markAll(ids.subList(0, 2), MarkChange.flag(Flag.REJECT));
    assertThat(shown.frame().ports().culling().deleteRejects(null)).isEqualTo(2);
    LocalDate deletedOn = LocalDate.ofInstant(shown.frame().ports().culling().tombstones().getFirst().deletedAt(), ZoneOffset.UTC);
    waitUntil(() -> shown.frame().ports().library().count(LibraryQuery.all()) == 1);

    drop(robot, card); // the same card again
    waitUntil(() -> activity(robot).startsWith("Imported 0 photos"));
    assertThat(activity(robot)).contains("2 deleted on " + deletedOn + ", skipped");
    assertThat(shown.frame().ports().library().count(LibraryQuery.all())).isEqualTo(1);

    robot.interact(() -> robot.lookup("#library-include-deleted").queryAs(CheckBox.class).fire());
    assertThat(robot.lookup("#library-include-deleted").queryAs(CheckBox.class).isSelected()).isTrue();
    drop(robot, card);
    waitUntil(() -> activity(robot).startsWith("Imported 2 photos"));
    assertThat(activity(robot)).doesNotContain("deleted on");
    waitUntil(() -> shown.frame().ports().library().count(LibraryQuery.all()) == 3);
  }

  private void assertShown(FxRobot robot, ChoiceBox<MarkFilter> marks, MarkFilter filter, Set<Long> expected) throws Exception {
    robot.interact(() -> marks.setValue(filter));
    waitUntil(() -> onFx(() -> {
      int size = shown.window().library().size().get();
      if (size != expected.size()) return false;
      for (int i = 0; i < size; i++) {
        if (!expected.contains(shown.window().library().idAt(i))) return false; // 0 while its page loads
      }
      return true;
    }));
  }

  private static String activity(FxRobot robot) {
    return robot.lookup("#activity-text").queryAs(Label.class).getText();
  }

  private Path folder(String name, int photos, int seed) throws Exception {
    Path folder = Files.createDirectories(shown.dataDir().resolve(name));
    for (int i = 0; i < photos; i++) write(folder, name + "-" + i + ".jpg", jpeg(photo(600, 400, seed + i)));
    return folder;
  }

  private void drop(FxRobot robot, Path folder) {
    LibraryView view = robot.lookup(".library").queryAs(LibraryView.class);
    robot.interact(() -> view.acceptDrop(List.of(folder.toFile())));
  }

  /** How many tiles the grid shows, when every one is a photo that reached processed. */
  private int processed() throws Exception {
    List<TileModel> tiles = tiles();
    return tiles.stream().allMatch(t -> t != null && t.step().get() == TileStep.PROCESSED) ? tiles.size() : -1;
  }

  private List<TileModel> tiles() throws Exception {
    return onFx(() -> IntStream.range(0, shown.window().library().size().get()).mapToObj(shown.window().library()::tileAt).toList());
  }
}
