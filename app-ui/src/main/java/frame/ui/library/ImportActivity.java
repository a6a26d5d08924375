package frame.ui.library;

import frame.core.api.library.ImageState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The running import, as the activity bar shows it: files ingested of those dropped, photos
 * processed of those stored, photos per second, time left. FX thread only, except
 * {@link #cancelled()}, which the import thread reads.
 */
public final class ImportActivity {
  private final Clock clock;
  private final BooleanProperty active = new SimpleBooleanProperty(false);
  private final IntegerProperty total = new SimpleIntegerProperty();
  private final IntegerProperty ingested = new SimpleIntegerProperty();
  private final IntegerProperty processed = new SimpleIntegerProperty();
  private final IntegerProperty stored = new SimpleIntegerProperty();
  private final IntegerProperty failures = new SimpleIntegerProperty();
  private final IntegerProperty skipped = new SimpleIntegerProperty();
  private final IntegerProperty deletedBefore = new SimpleIntegerProperty();
  private final StringProperty text = new SimpleStringProperty("");
  private final Set<Long> photos = new HashSet<>();
  private final Set<Long> finished = new HashSet<>();
  // a photo can finish before its import is handed back: its last state waits here
  private final Set<Long> finishedEarly = new HashSet<>();
  // files skipped as deleted for good, by the day they were deleted
  private final java.util.SortedMap<java.time.LocalDate, Integer> deletedOn = new java.util.TreeMap<>();
  private AtomicBoolean cancel = new AtomicBoolean();
  private Instant started;

  public ImportActivity(Clock clock) {
    this.clock = clock;
  }

  public BooleanProperty active() { return active; }
  public IntegerProperty total() { return total; }
  /** Files taken in (stored, duplicate or rejected) of {@link #total()}. */
  public IntegerProperty ingested() { return ingested; }
  /** Photos of this import that reached processed or failed, of {@link #stored()}. */
  public IntegerProperty processed() { return processed; }
  public IntegerProperty stored() { return stored; }
  /** Files rejected and photos whose processing failed. */
  public IntegerProperty failures() { return failures; }
  public IntegerProperty skipped() { return skipped; }
  /** Files skipped because the same photo was deleted for good before (a tombstone). */
  public IntegerProperty deletedBefore() { return deletedBefore; }
  public StringProperty text() { return text; }

  /** Files join the running import, or start a new one. */
  AtomicBoolean begin(int files) {
    if (!active.get()) {
      total.set(0);
      ingested.set(0);
      processed.set(0);
      stored.set(0);
      failures.set(0);
      skipped.set(0);
      deletedBefore.set(0);
      photos.clear();
      finished.clear();
      finishedEarly.clear();
      deletedOn.clear();
      cancel = new AtomicBoolean();
      started = clock.instant();
      active.set(true);
    }
    total.set(total.get() + files);
    update();
    return cancel;
  }

  /** Stops taking in the files not yet started; what is in stays in and is processed. */
  public void cancel() {
    cancel.set(true);
  }

  void stored(long imageId) {
    ingested.set(ingested.get() + 1);
    stored.set(stored.get() + 1);
    photos.add(imageId);
    if (finishedEarly.remove(imageId)) finish(imageId, null);
    update();
  }

  void notStored(boolean problem) {
    ingested.set(ingested.get() + 1);
    if (problem) failures.set(failures.get() + 1);
    update();
  }

  /** A file not imported: the same photo was deleted for good on {@code deletedAt}. */
  void skippedAsDeleted(Instant deletedAt) {
    ingested.set(ingested.get() + 1);
    deletedOn.merge(java.time.LocalDate.ofInstant(deletedAt, java.time.ZoneOffset.UTC), 1, Integer::sum);
    deletedBefore.set(deletedBefore.get() + 1);
    update();
  }

  void skippedOne() {
    skipped.set(skipped.get() + 1);
    update();
  }

  void imageChanged(long imageId, ImageState state) {
    if (!active.get() || !state.isFinal()) return;
    if (!photos.contains(imageId)) {
      finishedEarly.add(imageId);
      return;
    }
    finish(imageId, state);
    update();
  }

  private void finish(long imageId, ImageState state) {
    if (!finished.add(imageId)) return;
    processed.set(processed.get() + 1);
    if (state == ImageState.FAILED) failures.set(failures.get() + 1);
  }

  /** Brings rate and time left up to date as time passes. */
  public void tick() {
    update();
  }

  private void update() {
    if (!active.get()) return;
    boolean allIn = ingested.get() + skipped.get() >= total.get();
    Duration took = Duration.between(started, clock.instant());
    double seconds = Math.max(0.001, took.toMillis() / 1000.0);
    if (allIn && processed.get() >= stored.get()) {
      text.set("Imported %d photo%s in %s%s%s".formatted(stored.get(), stored.get() == 1 ? "" : "s", clockTime(took),
          (skipped.get() == 0 ? "" : " · " + skipped.get() + " not imported (cancelled)")
              + deletedSkipped(),
          failures.get() == 0 ? "" : " · " + failures.get() + " failed"));
      active.set(false); // after the text: whoever sees the import end reads how it ended
      return;
    }
    double rate = processed.get() / seconds;
    int toGo = total.get() - skipped.get() - (ingested.get() - stored.get()) - processed.get();
    String left = rate <= 0 ? "" : " · about " + clockTime(Duration.ofSeconds((long) Math.ceil(toGo / rate))) + " left";
    text.set("Importing: %d of %d files in · %d of %d photos processed · %.1f photos/s%s%s".formatted(
        ingested.get(), total.get(), processed.get(), stored.get(), rate, left, deletedSkipped()));
  }

  /** " · 3 deleted on 2026-12-01, skipped", a part per day; empty when none was. */
  private String deletedSkipped() {
    StringBuilder text = new StringBuilder();
    deletedOn.forEach((day, count) -> text.append(" · ").append(count).append(" deleted on ").append(day).append(", skipped"));
    return text.toString();
  }

  static String clockTime(Duration duration) {
    long s = Math.max(0, duration.toSeconds());
    return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
  }
}
