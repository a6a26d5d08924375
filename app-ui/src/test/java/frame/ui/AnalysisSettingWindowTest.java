package frame.ui;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static frame.ui.Fx.onFx;
import static frame.ui.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.jobs.JobQuery;
import frame.core.api.library.LibraryQuery;
import frame.ui.library.LibraryView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Settings > Analyse photos in the real window: off writes culling.properties and imports skip analysis; on queues it. */
@ExtendWith(ApplicationExtension.class)
class AnalysisSettingWindowTest {
  @RegisterExtension final LibraryWindow shown = new LibraryWindow("frame-analysis-ui");

  @Test
  void the_settings_checkbox_turns_analysis_off_and_on_again_for_the_photos_that_lack_it(FxRobot robot) throws Exception {
    MenuBar bar = robot.lookup("#main-menu").queryAs(MenuBar.class);
    CheckMenuItem item = onFx(() -> bar.getMenus().stream().filter(m -> m.getText().equals("Settings"))
        .flatMap(m -> m.getItems().stream()).filter(i -> "menu-analysis".equals(i.getId()))
        .map(CheckMenuItem.class::cast).findFirst().orElseThrow());
    waitUntil(() -> onFx(() -> !item.isDisable() && item.isSelected()));

    robot.interact(() -> item.setSelected(false));
    waitUntil(() -> !shown.frame().ports().culling().analysisOn());
    assertThat(Files.readString(shown.dataDir().resolve("culling.properties"))).contains("analysis=off");
    waitUntil(() -> notice(robot).startsWith("Analysis off"));

    Path folder = Files.createTempDirectory(shown.dataDir(), "card");
    write(folder, "IMG_0001.jpg", jpeg(photo(900, 600, 1)));
    LibraryView view = robot.lookup(".library").queryAs(LibraryView.class);
    robot.interact(() -> view.acceptDrop(List.of(folder.toFile())));
    waitUntil(() -> shown.frame().ports().library().ids(LibraryQuery.all()).size() == 1
        && shown.frame().ports().library().image(shown.frame().ports().library().ids(LibraryQuery.all()).getFirst()).state().isFinal());
    long id = shown.frame().ports().library().ids(LibraryQuery.all()).getFirst();
    assertThat(shown.frame().ports().jobs().list(JobQuery.forImage(id))).noneSatisfy(job -> assertThat(job.type().isAnalysis()).isTrue());

    robot.interact(() -> item.setSelected(true));
    waitUntil(() -> notice(robot).equals("Analysis on: queued for 1 photo(s) that lacked it."));
    waitUntil(() -> shown.frame().ports().culling().marks(List.of(id)).get(id).sharpness() != null);
    assertThat(shown.frame().ports().culling().analysisOn()).isTrue();
  }

  private static String notice(FxRobot robot) throws Exception {
    return onFx(() -> robot.lookup("#library-notice").queryAs(Label.class).getText());
  }
}
