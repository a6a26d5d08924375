package frame.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's upload slots, shared fairly: one token (a device, a script) holds at most half of
 * them, so a device that stalls or floods its uploads cannot shut every other device out.
 */
final class UploadSlots {
  private final int total;
  private final int perCaller;
  private final Map<Long, Integer> heldBy = new HashMap<>();
  private int held;

  UploadSlots(int total) {
    this.total = total;
    this.perCaller = Math.max(1, total / 2);
  }

  /** A slot for this caller, to close when its upload ends; empty when none is free for it. */
  synchronized Optional<Slot> tryAcquire(long callerId) {
    int mine = heldBy.getOrDefault(callerId, 0);
    if (held >= total || mine >= perCaller) return Optional.empty();
    held++;
    heldBy.put(callerId, mine + 1);
    return Optional.of(new Slot(this, callerId));
  }

  private synchronized void release(long callerId) {
    held--;
    heldBy.computeIfPresent(callerId, (id, n) -> n > 1 ? n - 1 : null);
  }

  int perCaller() {
    return perCaller;
  }

  /** One held slot; closing it twice releases it once. */
  static final class Slot implements AutoCloseable {
    private final UploadSlots slots;
    private final long callerId;
    private boolean closed;

    private Slot(UploadSlots slots, long callerId) {
      this.slots = slots;
      this.callerId = callerId;
    }

    @Override
    public void close() {
      if (closed) return;
      closed = true;
      slots.release(callerId);
    }
  }
}
