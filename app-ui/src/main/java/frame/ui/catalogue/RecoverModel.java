package frame.ui.catalogue;

import frame.core.api.Catalogue;
import frame.core.api.FrameLibrary;
import frame.core.api.archive.ArchiveCredentials;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.catalogue.Recovered;
import frame.core.api.catalogue.RecoveryProgress;
import frame.ui.common.Background;
import frame.ui.common.Notice;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File → Recover from archive…: rebuilds this (empty) library from a folder target or an S3 bucket
 * alone, through the core's recover (what {@code frame recover} does), off the FX thread, its
 * progress shown as it goes.
 */
public final class RecoverModel {
  private static final long SHOW_EVERY_NANOS = 100_000_000L;

  private final Catalogue catalogue;
  private final Background background;
  private final Runnable whenDone;
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final StringProperty progressText = new SimpleStringProperty("");
  private final StringProperty result = new SimpleStringProperty("");
  private final Notice notice = new Notice();

  /** {@code whenDone} runs on the FX thread after each recover (the library shows what came back). */
  public RecoverModel(FrameLibrary frame, Background background, Runnable whenDone) {
    this.catalogue = frame.ports().catalogue();
    this.background = background;
    this.whenDone = whenDone;
  }

  public BooleanProperty running() { return running; }
  /** From 0 to 1: half reading the archive's originals, half making their renditions. */
  public DoubleProperty progress() { return progress; }
  public StringProperty progressText() { return progressText; }
  /** What the last recover did, in plain words; empty before the first. */
  public StringProperty result() { return result; }
  public Notice notice() { return notice; }

  /** From a folder target (an external disk, a mounted NAS share). */
  public void fromFolder(String folder, boolean download) {
    if (blank(folder)) {
      notice.say("Choose the archive folder (the external disk or NAS folder FRAME archived to).");
      return;
    }
    Path dir = Path.of(folder.strip()).toAbsolutePath().normalize();
    run(NewArchiveTarget.folder(nameOf(dir.getFileName() == null ? null : dir.getFileName().toString()),
        dir.toString()), download);
  }

  /** From an S3 bucket; the secret goes to the core once and is never kept in the window. */
  public void fromS3(String endpoint, String bucket, String prefix, String region, String accessKeyId, String secret,
      boolean download) {
    if (blank(endpoint) || blank(bucket) || blank(accessKeyId) || blank(secret)) {
      notice.say("An S3 archive needs its endpoint, bucket, access key id and secret.");
      return;
    }
    run(NewArchiveTarget.s3(nameOf(bucket.strip()), endpoint.strip(), bucket.strip(), blank(prefix) ? null : prefix.strip(),
        blank(region) ? null : region.strip(), new ArchiveCredentials(accessKeyId.strip(), secret)), download);
  }

  private void run(NewArchiveTarget target, boolean download) {
    notice.clear();
    result.set("");
    progress.set(0);
    progressText.set("Looking at the archive…");
    running.set(true);
    AtomicLong lastShown = new AtomicLong();
    background.run(() -> catalogue.recover(target, download, p -> {
      long now = System.nanoTime();
      if (now - lastShown.get() < SHOW_EVERY_NANOS && p.read() < p.files()) return; // at most ten a second
      lastShown.set(now);
      background.onFx(() -> show(p));
    }), recovered -> {
      running.set(false);
      progress.set(1);
      result.set(describe(recovered, download));
      whenDone.run();
    }, failure -> {
      running.set(false);
      progressText.set("");
      notice.failed("recover from the archive", failure);
      whenDone.run();
    });
  }

  private void show(RecoveryProgress p) {
    if (!running.get()) return;
    double read = p.files() == 0 ? 1 : (double) p.read() / p.files();
    double made = p.photos() == 0 ? 0 : (double) p.rendered() / p.photos();
    progress.set((read + made) / 2);
    progressText.set("%d of %d archived originals read · %d of %d photos with thumbnails, preview and metadata"
        .formatted(p.read(), p.files(), p.rendered(), p.photos()));
  }

  static String describe(Recovered r, boolean download) {
    StringBuilder text = new StringBuilder("Recovered %d photo%s from the archive target %s".formatted(
        r.recovered(), r.recovered() == 1 ? "" : "s", r.target()));
    if (r.alreadyThere() > 0) text.append(" (").append(r.alreadyThere()).append(" already back from an earlier run)");
    text.append('.');
    if (r.removed() > 0) text.append(' ').append(r.removed()).append(" removed before were left out (kept as deleted).");
    if (r.renditionsFailed() > 0) {
      text.append(' ').append(r.renditionsFailed()).append(" came back but their thumbnails failed: see the Jobs pane.");
    }
    text.append(download ? " Every original is here and on the archive."
        : " Originals stay on the archive and are fetched when needed.");
    if (!r.complete()) {
      text.append("\n").append(r.unreadable().size()).append(" archived file(s) could not be recovered:");
      r.unreadable().stream().limit(20).forEach(u -> text.append("\n  ").append(u.key()).append(": ").append(u.reason()));
      if (r.unreadable().size() > 20) text.append("\n  and ").append(r.unreadable().size() - 20).append(" more (see the log)");
    }
    return text.toString();
  }

  /** A target name made of the folder's or bucket's name, as {@code frame recover} makes it. */
  static String nameOf(String place) {
    String cleaned = place == null ? "" : place.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    cleaned = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    return cleaned.isEmpty() ? "archive" : cleaned.toLowerCase(Locale.ROOT);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
