package frame.core.archive;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When a plan kept by a FRAME that stays open (the scheduled scrub, the catalogue backups) looks
 * whether it is due: first 10 minutes after start (a short command has exited by then), then
 * hourly; never further apart than the plan's own interval. The look decides what is due.
 */
final class PlanTimer implements AutoCloseable {
  private static final Duration FIRST_LOOK = Duration.ofMinutes(10);
  private static final Duration LOOK_EVERY = Duration.ofHours(1);

  private final ScheduledExecutorService timer;

  /** Starts looking on a daemon thread called {@code threadName}; {@code look} must not throw. */
  PlanTimer(String threadName, Duration every, Runnable look) {
    timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
    long first = Math.min(every.toMillis(), FIRST_LOOK.toMillis());
    long each = Math.min(every.toMillis(), LOOK_EVERY.toMillis());
    timer.scheduleWithFixedDelay(look, first, each, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
