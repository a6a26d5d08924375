package frame.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address (the socket's, never X-Forwarded-For) in a
 * sliding minute; past the limit that address's failures are refused. Only failures are limited:
 * a valid credential always gets in, so nobody can lock the owner out by guessing. An address is
 * forgotten once its failures are a minute old; a flood of addresses sweeps out the expired ones,
 * and never unblocks an address still inside its minute.
 */
final class FailedAuthLimiter {
  static final int TRACKED_ADDRESSES = 10_000;
  private static final long WINDOW_MILLIS = 60_000;

  private final int limit;
  private final int capacity;
  private final Clock clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  FailedAuthLimiter(int limit, Clock clock) {
    this(limit, TRACKED_ADDRESSES, clock);
  }

  FailedAuthLimiter(int limit, int capacity, Clock clock) {
    this.limit = limit;
    this.capacity = capacity;
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
    if (!failures.containsKey(address) && failures.size() >= capacity) forgetExpired();
    // still full of addresses failing this very minute: the newcomer is not tracked, and nobody is unblocked
    if (!failures.containsKey(address) && failures.size() >= capacity) return;
    Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      prune(times);
      times.addLast(clock.millis());
    }
  }

  int trackedAddresses() {
    return failures.size();
  }

  private void forgetExpired() {
    failures.entrySet().removeIf(entry -> {
      Deque<Long> times = entry.getValue();
      synchronized (times) {
        prune(times);
        return times.isEmpty();
      }
    });
  }

  private void prune(Deque<Long> times) {
    long cutoff = clock.millis() - WINDOW_MILLIS;
    while (!times.isEmpty() && times.peekFirst() < cutoff) times.removeFirst();
  }
}
