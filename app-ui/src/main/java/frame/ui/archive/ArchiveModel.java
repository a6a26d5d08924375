package frame.ui.archive;

import frame.core.api.Archive;
import frame.core.api.FrameLibrary;
import frame.core.api.archive.ArchiveCredentials;
import frame.core.api.archive.ArchiveStatus;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.JobType;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The archive pane's view-model: the targets and their state, the one-place count, add and remove. */
public final class ArchiveModel {
  private final Archive archive;
  private final Background background;
  private final ObservableList<ArchiveTarget> targets = FXCollections.observableArrayList();
  private final LongProperty onePlaceOnly = new SimpleLongProperty(-1);
  private final StringProperty summary = new SimpleStringProperty("");
  private final Notice notice = new Notice();
  private boolean showing;
  private boolean reading;
  private boolean readAgain;

  public ArchiveModel(FrameLibrary frame, Background background) {
    this.archive = frame.ports().archive();
    this.background = background;
  }

  public ObservableList<ArchiveTarget> targets() {
    return targets;
  }

  /** Photos with no verified copy anywhere else; -1 until the first refresh. */
  public LongProperty onePlaceOnly() {
    return onePlaceOnly;
  }

  /** How many photos are stored, how many exist in one place only and what to do about it. */
  public StringProperty summary() {
    return summary;
  }

  /** What went wrong with the last read, add or remove, in plain words; empty when nothing did. */
  public Notice notice() {
    return notice;
  }

  /** Whether the pane is on screen: only then do copies being made refresh it live. */
  public void showing(boolean shown) {
    showing = shown;
    if (shown) refresh();
  }

  /** A photo or an archive copy changed: the counts on screen follow (from any thread). */
  public void onEvent(FrameEvent event) {
    boolean relevant = event instanceof FrameEvent.ImageChanged
        || event instanceof FrameEvent.JobChanged job && job.type() == JobType.ARCHIVE_ORIGINAL;
    if (relevant) background.onFx(() -> {
      if (showing) refresh();
    });
  }

  public void refresh() {
    if (reading) { // a burst of events makes one more read, not one each
      readAgain = true;
      return;
    }
    reading = true;
    background.run(archive::status, status -> {
      notice.recovered("read the archive");
      show(status);
      readDone();
    }, failure -> {
      notice.failed("read the archive", failure);
      readDone();
    });
  }

  private void readDone() {
    reading = false;
    if (readAgain) {
      readAgain = false;
      refresh();
    }
  }

  /** Adds a folder target (an external disk, a mounted share); true when the input was complete enough to try. */
  public boolean addFolder(String name, String folder) {
    if (blank(name) || blank(folder)) {
      notice.say("A folder target needs a name and a folder.");
      return false;
    }
    add(NewArchiveTarget.folder(name.strip(), folder.strip()));
    return true;
  }

  /**
   * Adds an S3-compatible target; true when the input was complete enough to try. The secret goes
   * to the core once and is never read back: the core keeps it readable by its user only.
   */
  public boolean addS3(String name, String endpoint, String bucket, String prefix, String region, String accessKeyId,
      String secret) {
    if (blank(name) || blank(endpoint) || blank(bucket) || blank(accessKeyId) || blank(secret)) {
      notice.say("An S3 target needs a name, an endpoint, a bucket, an access key id and a secret.");
      return false;
    }
    add(NewArchiveTarget.s3(name.strip(), endpoint.strip(), bucket.strip(), blank(prefix) ? null : prefix.strip(),
        blank(region) ? null : region.strip(), new ArchiveCredentials(accessKeyId.strip(), secret)));
    return true;
  }

  public void remove(String name) {
    background.run(() -> archive.remove(name), removed -> {
      if (removed) {
        notice.clear();
      } else {
        notice.say("No target is named " + name + " any more (removed meanwhile?). The list is refreshed.");
      }
      refresh();
    }, failure -> {
      notice.failed("remove the target " + name, failure);
      refresh();
    });
  }

  private void add(NewArchiveTarget target) {
    background.run(() -> archive.add(target), added -> {
      notice.clear();
      refresh();
    }, failure -> {
      notice.failed("add the target " + target.name(), failure);
      refresh();
    });
  }

  private void show(ArchiveStatus status) {
    targets.setAll(status.targets());
    onePlaceOnly.set(status.onePlaceOnly());
    String counts = status.photos() + " photo(s), " + status.stored() + " stored on every target. ";
    String samePlace = status.samePlace().stream()
        .map(names -> " " + String.join(" and ", names) + " are one place: their copies count once; remove all but one.")
        .collect(java.util.stream.Collectors.joining());
    summary.set(status.advice() == null
        ? counts + "Every photo exists in more than one place." + samePlace
        : counts + (status.targets().isEmpty() ? status.onePlaceOnly() + " exist in one place only: add a folder"
            + " (an external disk, a NAS) or an S3 target below." : status.advice().replace('\n', ' ')) + samePlace);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
