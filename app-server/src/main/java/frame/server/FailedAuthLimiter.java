package frame.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address (the socket's, never X-Forwarded-For) in a
 * sliding minute; past the limit the client must wait.
 */
final class FailedAuthLimiter {
  private static final long WINDOW_MILLIS = 60_000;

  private final int limit;
  private final Clock clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  FailedAuthLimiter(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  boolean blocked(String address) {
    Deque<Long> times = failures.get(address);
    if (times == null) return false;
    synchronized (times) {
      prune(times);
      return times.size() >= limit;
    }
  }

  void recordFailure(String address) {
    if (failures.size() > 10_000) failures.clear(); // a flood of addresses must not grow memory without bound
    Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      prune(times);
      times.addLast(clock.millis());
    }
  }

  private void prune(Deque<Long> times) {
    long cutoff = clock.millis() - WINDOW_MILLIS;
    while (!times.isEmpty() && times.peekFirst() < cutoff) times.removeFirst();
  }
}
