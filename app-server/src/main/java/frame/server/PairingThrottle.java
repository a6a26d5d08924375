package frame.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A cap on pairing attempts from all addresses together, per sliding minute. With the cap of
 * {@link frame.core.auth.Pairings#WRONG_GUESSES_ALLOWED} wrong guesses per code, a /24 of
 * addresses gets no more guesses than one address would.
 */
final class PairingThrottle {
  static final int ATTEMPTS_PER_MINUTE = 20;
  private static final long WINDOW_MILLIS = 60_000;

  private final int limit;
  private final Clock clock;
  private final Deque<Long> attempts = new ArrayDeque<>();

  PairingThrottle(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Counts an attempt; false when the minute's allowance is spent (the attempt is not made). */
  synchronized boolean tryAttempt() {
    long now = clock.millis();
    while (!attempts.isEmpty() && attempts.peekFirst() <= now - WINDOW_MILLIS) attempts.removeFirst();
    if (attempts.size() >= limit) return false;
    attempts.addLast(now);
    return true;
  }
}
