package frame.ui;

import frame.core.api.Archive;
import frame.core.api.Queue;
import frame.ui.common.Background;
import frame.ui.common.Notice;

import frame.core.api.FrameLibrary;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.JobState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
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
    if (event instanceof FrameEvent.ImageChanged c && c.state().isProcessed()) {
      synchronized (processed) {
        processed.addLast(clock.instant());
      }
    }
  }

  public void refresh() {
    background.run(() -> Map.entry(queue.overview(), archive.onePlaceOnly()), seen -> {
      var queue = seen.getKey();
      long onePlace = seen.getValue();
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
    }, notice.onFailure("read the queue"));
  }
}
