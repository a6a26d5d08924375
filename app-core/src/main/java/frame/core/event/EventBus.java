package frame.core.event;

import frame.core.api.Events;
import frame.core.api.events.FrameEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process publish/subscribe. Delivery is in order on one thread of its own, so a slow
 * listener (a UI, an event stream to a phone) never holds up a job worker.
 */
public final class EventBus implements Events, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventBus.class);

  private final List<Consumer<FrameEvent>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "frame-events");
    thread.setDaemon(true);
    return thread;
  });

  /** Subscribes; closing the returned handle unsubscribes. */
  @Override
  public Subscription subscribe(Consumer<FrameEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void publish(FrameEvent event) {
    if (delivery.isShutdown()) return;
    delivery.execute(() -> {
      for (Consumer<FrameEvent> listener : listeners) {
        try {
          listener.accept(event);
        } catch (Throwable t) {
          log.warn("An event listener failed on {}; it stays subscribed", event, t);
        }
      }
    });
  }

  /** Stops taking events; those already published are still delivered (waiting up to 5 s). */
  @Override
  public void close() {
    delivery.shutdown();
    try {
      if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) log.warn("Event delivery still busy at close");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
