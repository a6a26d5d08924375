package frame.ui;

import frame.core.Frame;
import frame.core.event.FrameEvent;
import frame.core.image.ImageState;
import frame.core.job.JobState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status bar: queue depth, jobs running, images finished in the last minute. */
public final class StatusModel {
  private final Frame frame;
  private final Background background;
  private final Clock clock;
  private final Deque<Instant> processed = new ArrayDeque<>();
  private final StringProperty text = new SimpleStringProperty("");

  public StatusModel(Frame frame, Background background, Clock clock) {
    this.frame = frame;
    this.background = background;
    this.clock = clock;
  }

  public StringProperty text() {
    return text;
  }

  public void onEvent(FrameEvent event) {
    if (event instanceof FrameEvent.ImageChanged c && c.state() == ImageState.PROCESSED) {
      synchronized (processed) {
        processed.addLast(clock.instant());
      }
    }
  }

  public void refresh() {
    background.run(frame::jobCountsByState, counts -> {
      Instant minuteAgo = clock.instant().minusSeconds(60);
      int perMinute;
      synchronized (processed) {
        while (!processed.isEmpty() && processed.peekFirst().isBefore(minuteAgo)) processed.removeFirst();
        perMinute = processed.size();
      }
      text.set("Queue: %d waiting · %d running · %d images/min · %d failed jobs".formatted(
          counts.get(JobState.PENDING), counts.get(JobState.RUNNING), perMinute, counts.get(JobState.FAILED)));
    }, failure -> {});
  }
}
