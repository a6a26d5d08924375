package frame.server.tus;

import frame.core.api.devices.Caller;
import java.util.Optional;

/**
 * The server's upload slots, shared with {@code POST /api/upload} and fairly among devices: a
 * PATCH holds one while its body streams.
 */
@FunctionalInterface
public interface TusSlots {
  /** A slot for this caller, closed when its body has streamed; empty when none is free for it. */
  Optional<Held> tryAcquire(Caller caller);

  /** One held slot. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }
}
