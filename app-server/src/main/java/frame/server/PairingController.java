package frame.server;

import frame.server.error.ApiError;

import frame.core.api.devices.PairingCode;
import frame.core.api.devices.Paired;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Ports;
import frame.core.api.devices.Caller;
import frame.core.api.FrameException;
import frame.server.tls.Fingerprint;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pairing and the device's own session: a code is made by an admin ({@code POST /api/admin/pairing})
 * and traded once by the device ({@code POST /api/pair}, public, failures rate-limited like bad
 * tokens); {@code GET /api/session} says who a token belongs to; {@code POST /api/events/ticket}
 * gives the page a short-lived ticket for its event stream.
 */
final class PairingController {
  private final Ports ports;
  private final FailedAuthLimiter failures;
  private final PairingThrottle throttle;
  private final EventTickets tickets;
  private final Supplier<List<String>> urls;
  private final Optional<Fingerprint> fingerprint;

  PairingController(Ports ports, FailedAuthLimiter failures, PairingThrottle throttle, EventTickets tickets,
      Supplier<List<String>> urls, Optional<Fingerprint> fingerprint) {
    this.ports = ports;
    this.failures = failures;
    this.throttle = throttle;
    this.tickets = tickets;
    this.urls = urls;
    this.fingerprint = fingerprint;
  }

  void create(Context ctx) {
    PairingCode code = ports.devices().createPairing();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("digits", code.digits());
    body.put("expiresAt", code.expiresAt());
    body.put("link", PairingLinks.link(PairingLinks.bestBase(urls.get()), code, fingerprint));
    body.put("links", urls.get().stream().map(u -> PairingLinks.link(u, code, fingerprint)).toList());
    fingerprint.ifPresent(f -> body.put("fingerprint", f.hex()));
    ctx.status(201).json(body);
  }

  void pair(Context ctx) {
    String address = ctx.ip();
    if (failures.blocked(address)) {
      ctx.header("Retry-After", "60");
      throw new ApiError(429, "too_many_failed_logins", "Too many wrong pairing codes; try again in a minute.");
    }
    if (!throttle.tryAttempt()) {
      ctx.header("Retry-After", "60");
      throw new ApiError(429, "too_many_pairing_attempts", "FRAME is refusing pairing for a minute: too many attempts.");
    }
    JsonNode body = JsonBodies.small(ctx);
    String code = body.path("code").asText("");
    String name = body.path("name").asText("");
    Paired paired;
    try {
      paired = ports.devices().redeemPairing(code, name);
    } catch (FrameException e) {
      if (e.code().startsWith("pairing_code")) failures.recordFailure(address);
      throw e;
    }
    ctx.status(201).json(Map.of("token", paired.token(), "name", paired.deviceName(), "kind", "device"));
  }

  void session(Context ctx) {
    Caller caller = RequestGuards.caller(ctx);
    ctx.json(Map.of("name", caller.name(), "kind", caller.kind().label()));
  }

  void ticket(Context ctx) {
    ctx.status(201).json(Map.of("ticket", tickets.issue(RequestGuards.caller(ctx)),
        "expiresInSeconds", EventTickets.LIFETIME.toSeconds()));
  }
}
