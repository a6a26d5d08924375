package frame.ui.library;

import frame.core.api.Culling;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import javafx.scene.control.CheckMenuItem;

/**
 * Settings > Analyse photos: culling's analysis (sharpness, stacks) after each import, on or off,
 * as the data folder's culling.properties says. Turned on, it is queued for the photos that
 * lack it; the library's notice line says how many.
 */
public final class AnalysisMenuItem extends CheckMenuItem {
  private boolean showing; // set from the core, not by the person: no write back

  public AnalysisMenuItem(Culling culling, Background background, Notice notice) {
    super("Analyse photos at import (sharpness, stacks)");
    setId("menu-analysis");
    setDisable(true);
    background.run(culling::analysisOn, on -> {
      show(on);
      setDisable(false);
    }, notice.onFailure("read the analysis setting"));
    selectedProperty().addListener((o, was, now) -> {
      if (showing) return;
      setDisable(true);
      background.run(() -> culling.setAnalysis(now), queued -> {
        setDisable(false);
        notice.say(!now ? "Analysis off: photos imported from now on get no sharpness and no stacks."
            : queued > 0 ? "Analysis on: queued for " + queued + " photo(s) that lacked it."
            : "Analysis on.");
      }, failure -> {
        setDisable(false);
        show(was);
        notice.failed("turn analysis " + (now ? "on" : "off"), failure);
      });
    });
  }

  private void show(boolean on) {
    showing = true;
    setSelected(on);
    showing = false;
  }
}
