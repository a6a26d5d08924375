package frame.core.api;

import frame.core.api.events.FrameEvent;
import java.util.function.Consumer;

/** Changes to photos and jobs, as they happen. */
public interface Events {
  /** Subscribes to photo and job changes; closing the handle unsubscribes. Delivery is on one thread of its own. */
  Subscription subscribe(Consumer<FrameEvent> listener);

  /** A subscription; closing it stops delivery. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
