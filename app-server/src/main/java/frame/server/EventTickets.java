package frame.server;

import frame.core.api.devices.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived, single-use tickets for the event stream: a browser's EventSource cannot send an
 * Authorization header, and the long-lived token must never be in a URL. The page asks for a
 * ticket with its token, then opens {@code /api/events?ticket=...} within a minute.
 */
final class EventTickets {
  static final Duration LIFETIME = Duration.ofSeconds(60);
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Issued(Caller caller, long expiresAt) {}

  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final Clock clock;

  EventTickets(Clock clock) {
    this.clock = clock;
  }

  String issue(Caller caller) {
    long now = clock.millis();
    issued.values().removeIf(t -> t.expiresAt() <= now);
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    issued.put(ticket, new Issued(caller, now + LIFETIME.toMillis()));
    return ticket;
  }

  /** The caller a ticket was issued to; the ticket is used up either way. */
  Optional<Caller> redeem(String ticket) {
    if (ticket == null) return Optional.empty();
    Issued found = issued.remove(ticket);
    if (found == null || found.expiresAt() <= clock.millis()) return Optional.empty();
    return Optional.of(found.caller());
  }
}
