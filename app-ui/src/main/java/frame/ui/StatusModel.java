package frame.ui;

import frame.core.api.Archive;
import frame.core.api.Queue;
import frame.ui.common.Background;
import frame.ui.common.Notice;

import frame.core.api.FrameLibrary;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueOverview;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The status bar: whether the queue is paused, queue depth, jobs running, images finished in the
 * last minute, photos that exist in one place only; and the Pause/Resume button's action.
 */
public final class StatusModel {
  private final Queue queue;
  private final Archive archive;
  private final Background background;
  private final Clock clock;
  private final Deque<Instant> processed = new ArrayDeque<>();
  private final StringProperty text = new SimpleStringProperty("");
  private final BooleanProperty paused = new SimpleBooleanProperty();
  private final Notice notice = new Notice();
  // the one-place count reads every photo: it is read again when photos or their copies changed,
  // else at most every ONE_PLACE_EVERY (for changes made by another process), not every second
  private volatile boolean onePlaceStale = true;
  private Instant onePlaceReadAt = Instant.MIN;
  private long onePlace;
  /** While the library's first page loads, the one-place count waits (it would take a core from it). */
  private boolean onePlaceHeld;
  private boolean refreshing;
  private boolean refreshAgain;

  static final Duration ONE_PLACE_EVERY = Duration.ofSeconds(30);
  /**
   * The job states the bar shows. Only these are counted each second: the completed jobs, most of
   * a library's (six a photo), are not read.
   */
  static final Set<JobState> SHOWN = EnumSet.of(JobState.PENDING, JobState.RUNNING, JobState.FAILED);

  public StatusModel(FrameLibrary frame, Background background, Clock clock) {
    this.queue = frame.ports().queue();
    this.archive = frame.ports().archive();
    this.background = background;
    this.clock = clock;
  }

  public StringProperty text() {
    return text;
  }

  /** True while anything (the whole queue or a job type) is paused: the button then says Resume. */
  public BooleanProperty paused() {
    return paused;
  }

  /** What went wrong with the last action from the status bar or the menus, in plain words. */
  public Notice notice() {
    return notice;
  }

  /** Pauses the whole queue, or resumes everything when anything is paused. */
  public void togglePause() {
    boolean resume = paused.get();
    background.run(() -> resume ? queue.resume(null) : queue.pause(null), state -> {
      notice.clear();
      refresh();
    }, failure -> {
      notice.failed(resume ? "resume the queue" : "pause the queue", failure);
      refresh();
    });
  }

  public void onEvent(FrameEvent event) {
    if (event instanceof FrameEvent.ImageChanged
        || event instanceof FrameEvent.JobChanged job && job.type() == JobType.ARCHIVE_ORIGINAL) {
      onePlaceStale = true;
    }
    if (event instanceof FrameEvent.ImageChanged c && c.state().isProcessed()) {
      synchronized (processed) {
        processed.addLast(clock.instant());
      }
    }
  }

  /** Holds the one-place count back (the window opening), or lets the next refresh read it. */
  public void holdOnePlaceCount(boolean hold) {
    onePlaceHeld = hold;
  }

  /** Reads the queue (and, when it may have changed, the one-place count) again; calls meanwhile make one more read. */
  public void refresh() {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    boolean countAgain = !onePlaceHeld
        && (onePlaceStale || !clock.instant().isBefore(onePlaceReadAt.plus(ONE_PLACE_EVERY)));
    if (countAgain) onePlaceStale = false; // an event while counting makes it stale again
    Instant asked = clock.instant();
    background.run(() -> Map.entry(queue.overview(SHOWN), countAgain ? archive.onePlaceOnly() : -1L), seen -> {
      refreshing = false;
      if (countAgain) {
        onePlace = seen.getValue();
        onePlaceReadAt = asked;
      }
      show(seen.getKey());
      if (refreshAgain) {
        refreshAgain = false;
        refresh();
      }
    }, failure -> {
      refreshing = false;
      if (countAgain) onePlaceStale = true;
      notice.failed("read the queue", failure);
    });
  }

  private void show(QueueOverview queue) {
    Map<JobState, Long> counts = queue.totals();
    Instant minuteAgo = clock.instant().minusSeconds(60);
    int perMinute;
    synchronized (processed) {
      while (!processed.isEmpty() && processed.peekFirst().isBefore(minuteAgo)) processed.removeFirst();
      perMinute = processed.size();
    }
    notice.recovered("read the queue");
    paused.set(queue.state().anythingPaused());
    String state = queue.state().anythingPaused() ? "Queue " + queue.state().describe() + " · " : "Queue: ";
    text.set(state + "%d waiting · %d running · %d images/min · %d failed jobs".formatted(
        counts.get(JobState.PENDING), counts.get(JobState.RUNNING), perMinute, counts.get(JobState.FAILED))
        // one copy is a risk, and FRAME says so (frame archive add ... gives the second place)
        + (onePlace == 0 ? "" : " · %d photo%s in one place only (add an archive target: frame archive add)"
            .formatted(onePlace, onePlace == 1 ? "" : "s")));
  }
}
