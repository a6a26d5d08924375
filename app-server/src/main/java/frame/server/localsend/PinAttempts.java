package frame.server.localsend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Wrong PINs in the last minute, for the whole receiver: a 6-digit PIN must not be guessable by
 * trying them all, so after {@code limit} wrong ones every sender waits (429) until the minute passes.
 */
final class PinAttempts {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private final int limit;
  private final Clock clock;
  private final Deque<Instant> failures = new ArrayDeque<>();

  PinAttempts(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  synchronized boolean blocked() {
    Instant cutoff = clock.instant().minus(WINDOW);
    while (!failures.isEmpty() && failures.peekFirst().isBefore(cutoff)) failures.removeFirst();
    return failures.size() >= limit;
  }

  synchronized void failed() {
    failures.addLast(clock.instant());
  }
}
