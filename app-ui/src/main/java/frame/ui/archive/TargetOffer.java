package frame.ui.archive;

import frame.core.api.Archive;
import frame.core.api.FrameLibrary;
import frame.ui.common.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The window's first start offers, once, to add an archive target when none is configured: one
 * copy of every photo is a risk. Once shown it is remembered (whatever the answer), so it is never
 * offered again; a library that has a target is never offered it.
 */
public final class TargetOffer {
  private final Archive archive;
  private final Background background;
  private final Runnable remember;
  private final BooleanProperty showing = new SimpleBooleanProperty(false);
  private final BooleanProperty decided = new SimpleBooleanProperty(false);

  /** {@code remember} records in the window's settings that the offer was made. */
  public TargetOffer(FrameLibrary frame, Background background, Runnable remember) {
    this.archive = frame.ports().archive();
    this.background = background;
    this.remember = remember;
  }

  public BooleanProperty showing() {
    return showing;
  }

  /** True once this start has decided whether to offer (it may have to ask the core first). */
  public BooleanProperty decided() {
    return decided;
  }

  /** Shows the offer if it was never made and the library has no target (FX thread). */
  public void offerIfFirst(boolean offeredBefore) {
    if (offeredBefore) {
      decided.set(true);
      return;
    }
    background.run(() -> archive.status().targets().isEmpty(), none -> {
      if (none) {
        showing.set(true);
        remember.run();
      }
      decided.set(true);
    }, failure -> {
      // not knowing whether a target exists is no reason to bother the person: offered next start
      decided.set(true);
    });
  }

  /** Either answer closes it for good. */
  public void answered() {
    showing.set(false);
  }
}
