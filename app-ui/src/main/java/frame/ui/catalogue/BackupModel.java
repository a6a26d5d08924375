package frame.ui.catalogue;

import frame.core.api.Catalogue;
import frame.core.api.FrameLibrary;
import frame.core.api.catalogue.BackupTaken;
import frame.core.api.trash.RemovalSize;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File → Back up catalogue…: an online backup of the catalogue into a folder the person picks, taken
 * off the FX thread while FRAME goes on working (what {@code frame backup DIR} does).
 */
public final class BackupModel {
  private final Catalogue catalogue;
  private final Background background;
  private final StringProperty folder = new SimpleStringProperty("");
  private final StringProperty result = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final Notice notice = new Notice();

  public BackupModel(FrameLibrary frame, Background background) {
    this.catalogue = frame.ports().catalogue();
    this.background = background;
  }

  /** The folder the backup goes into (a new {@code frame-backup-...} folder inside it). */
  public StringProperty folder() {
    return folder;
  }

  /** What the last backup did, in plain words; empty before the first. */
  public StringProperty result() {
    return result;
  }

  public BooleanProperty running() {
    return running;
  }

  /** Why the last backup failed; empty when it did not. */
  public Notice notice() {
    return notice;
  }

  public void backUp() {
    String into = folder.get() == null ? "" : folder.get().strip();
    if (into.isEmpty()) {
      notice.say("Choose a folder for the backup (an external disk is best).");
      return;
    }
    notice.clear();
    running.set(true);
    result.set("Backing up the catalogue into " + into + "…");
    background.run(() -> catalogue.backup(Path.of(into)), taken -> {
      running.set(false);
      result.set(describe(taken));
    }, failure -> {
      running.set(false);
      result.set("");
      notice.failed("back up the catalogue", failure);
    });
  }

  static String describe(BackupTaken taken) {
    return "Backed up the catalogue (%d photo%s, %s) into %s. Restore it with: frame restore %s".formatted(
        taken.images(), taken.images() == 1 ? "" : "s", RemovalSize.humanBytes(taken.bytes()), taken.folder(),
        taken.folder());
  }
}
