package frame.ui;

import frame.ui.common.Background;

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
 * last minute; and the Pause/Resume button's action.
 */
public final class StatusModel {
  private final FrameLibrary frame;
  private final Background background;
  private final Clock clock;
  private final Deque<Instant> processed = new ArrayDeque<>();
  private final StringProperty text = new SimpleStringProperty("");
  private final BooleanProperty paused = new SimpleBooleanProperty();

  public StatusModel(FrameLibrary frame, Background background, Clock clock) {
    this.frame = frame;
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

  /** Pauses the whole queue, or resumes everything when anything is paused. */
  public void togglePause() {
    boolean resume = paused.get();
    background.run(() -> resume ? frame.ports().queue().resume(null) : frame.ports().queue().pause(null), state -> refresh(), failure -> refresh());
  }

  public void onEvent(FrameEvent event) {
    if (event instanceof FrameEvent.ImageChanged c && c.state() == ImageState.PROCESSED) {
      synchronized (processed) {
        processed.addLast(clock.instant());
      }
    }
  }

  public void refresh() {
    background.run(frame.ports().queue()::overview, queue -> {
      Map<JobState, Long> counts = queue.totals();
      Instant minuteAgo = clock.instant().minusSeconds(60);
      int perMinute;
      synchronized (processed) {
        while (!processed.isEmpty() && processed.peekFirst().isBefore(minuteAgo)) processed.removeFirst();
        perMinute = processed.size();
      }
      paused.set(queue.state().anythingPaused());
      String state = queue.state().anythingPaused() ? "Queue " + queue.state().describe() + " · " : "Queue: ";
      text.set(state + "%d waiting · %d running · %d images/min · %d failed jobs".formatted(
          counts.get(JobState.PENDING), counts.get(JobState.RUNNING), perMinute, counts.get(JobState.FAILED)));
    }, failure -> {});
  }
}
