package frame.ui.archive;

import frame.core.api.Archive;
import frame.core.api.FrameLibrary;
import frame.core.api.archive.FileHash;
import frame.core.api.archive.FileHashes;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.JobType;
import frame.core.api.volumes.Volumes;
import frame.ui.common.Background;
import frame.ui.common.FailureMessages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Safe to format the card?" at the end of an import of folders: hashes their files off the FX
 * thread once, tells whether they are on a removable volume (a card, a stick, an external disk),
 * asks the archive in how many verified places each one's bytes are (what {@code frame safe}
 * asks), and while archive copies are still on their way, asks again as they land. Only a
 * removable volume is called "the card"; any other folder gets the plainer sentences. A newer
 * import's check replaces an older one's.
 */
public final class SafeToFormat {
  private static final Logger log = LoggerFactory.getLogger(SafeToFormat.class);
  /** The local original and one verified archive copy: {@code frame safe}'s default. */
  public static final int COPIES = 2;

  private final Archive archive;
  private final Background background;
  private final StringProperty text = new SimpleStringProperty("");
  private final BooleanProperty safe = new SimpleBooleanProperty();
  private final BooleanProperty needsTarget = new SimpleBooleanProperty();
  private Volumes volumes = Volumes.ofThisSystem();
  private List<FileHash> files = List.of();
  private String where = "";
  /** Every folder of the import is on a removable volume: only then does the bar speak of formatting the card. */
  private boolean card;
  private long generation;
  private boolean watching;
  private boolean reading;
  private boolean readAgain;

  public SafeToFormat(FrameLibrary frame, Background background) {
    this.archive = frame.ports().archive();
    this.background = background;
  }

  /** The sentence on screen; empty when there is nothing to say. */
  public StringProperty text() {
    return text;
  }

  public BooleanProperty safe() {
    return safe;
  }

  /** True when no archive target exists: the second copy needs one first. */
  public BooleanProperty needsTarget() {
    return needsTarget;
  }

  /** How removable volumes are told (tests give files shaped like /proc and /sys); FX thread, before a check. */
  public void useVolumes(Volumes volumes) {
    this.volumes = volumes;
  }

  /** The import of these folders finished: check them (FX thread). */
  public void check(List<Path> folders) {
    if (folders.isEmpty()) return;
    long mine = ++generation;
    watching = false;
    where = folders.size() == 1 ? String.valueOf(folders.getFirst().getFileName()) : folders.size() + " folders";
    safe.set(false);
    needsTarget.set(false);
    text.set("Checking whether every file of " + where + " is in " + COPIES + " verified places…");
    Volumes probe = volumes;
    background.run(() -> new Checked(hash(folders), onRemovableVolumes(probe, folders)), checked -> {
      if (mine != generation) return;
      files = checked.files();
      card = checked.card();
      watching = true;
      evaluate();
    }, failure -> {
      if (mine == generation) text.set(FailureMessages.of("check " + where, failure));
    });
  }

  /** The files of the folders, and whether every folder is on a removable volume. */
  private record Checked(List<FileHash> files, boolean card) {}

  /** A folder whose volume cannot be told counts as not removable: the bar then never says "format". */
  private static boolean onRemovableVolumes(Volumes volumes, List<Path> folders) {
    for (Path folder : folders) {
      try {
        if (!volumes.of(folder).removable()) return false;
      } catch (java.io.IOException | RuntimeException e) {
        log.debug("Cannot tell the volume of {}; taken as not removable", folder, e);
        return false;
      }
    }
    return true;
  }

  private static List<FileHash> hash(List<Path> folders) throws java.io.IOException {
    List<FileHash> all = new ArrayList<>();
    for (Path folder : folders) {
      for (FileHash file : FileHashes.under(folder)) {
        // several folders: their files are told apart by the folder's name
        String name = folders.size() == 1 ? file.name() : folder.getFileName() + "/" + file.name();
        all.add(new FileHash(name, file.sha256(), file.size()));
      }
    }
    return all;
  }

  /** Archive copies landing (from any thread): a check still waiting for them asks again. */
  public void onEvent(FrameEvent event) {
    boolean relevant = event instanceof FrameEvent.JobChanged job && job.type() == JobType.ARCHIVE_ORIGINAL
        || event instanceof FrameEvent.ImageChanged;
    if (relevant) background.onFx(() -> {
      if (watching) evaluate();
    });
  }

  /** The person read it: nothing more is said or watched until the next import. */
  public void dismiss() {
    generation++;
    watching = false;
    text.set("");
  }

  private void evaluate() {
    if (reading) { // a burst of copies landing makes one more read, not one each
      readAgain = true;
      return;
    }
    reading = true;
    long mine = generation;
    List<FileHash> asked = files;
    boolean askedOfCard = card;
    background.run(() -> SafeVerdict.of(where, askedOfCard, archive.safe(asked, COPIES), archive.status()), verdict -> {
      if (mine == generation) show(verdict);
      readDone();
    }, failure -> {
      if (mine == generation) text.set(FailureMessages.of("check " + where, failure));
      readDone();
    });
  }

  private void show(SafeVerdict verdict) {
    text.set(verdict.text());
    safe.set(verdict.safe());
    needsTarget.set(verdict.needsTarget());
    // copies on their way, or a target still to be added: either way the answer can change
    watching = verdict.waiting() || verdict.needsTarget();
  }

  private void readDone() {
    reading = false;
    if (readAgain) {
      readAgain = false;
      if (watching) evaluate();
    }
  }
}
