package frame.server;

import frame.server.error.ApiError;

import frame.core.api.Ports;
import frame.core.api.devices.Caller;
import frame.core.api.devices.TokenKind;
import frame.core.api.devices.Verification;
import frame.server.tus.TusEndpoint;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before every route: security headers, the Host check (no answer at all for a foreign
 * name), the Origin check on state-changing requests, then the bearer token (or, for the event
 * stream only, a short-lived ticket) for everything but the public routes, failed attempts
 * rate-limited; last the scope rule: admin routes need an admin token.
 */
final class RequestGuards {
  static final String CALLER = "frame.caller";
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' blob: data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  private final HostAllowlist hosts;
  private final Ports ports;
  private final EventTickets tickets;
  private final FailedAuthLimiter failures;
  private final Set<String> publicPaths;
  private final LocalEndpoint local;

  /** {@code local}'s credential is an admin's: it is how this machine's command line gets in. */
  RequestGuards(HostAllowlist hosts, Ports ports, EventTickets tickets, FailedAuthLimiter failures,
      LocalEndpoint local, Set<String> publicPaths) {
    this.hosts = hosts;
    this.ports = ports;
    this.tickets = tickets;
    this.failures = failures;
    this.local = local;
    this.publicPaths = publicPaths;
  }

  /** The caller of a request that passed the guards. */
  static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) throw new ApiError(401, "unauthorized", "Send an API token: Authorization: Bearer <token>.");
    return caller;
  }

  /**
   * The security headers, and the Host allowlist: first of all, so that even plain HTTP on an
   * HTTPS port (refused or redirected next) never answers to, or points at, another host.
   */
  void headersAndHost(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    // tus: every answer says its version, a refusal before the endpoint (no token) too
    if (ctx.path().startsWith(TusEndpoint.PATH)) ctx.header("Tus-Resumable", TusEndpoint.VERSION);
    // the socket's own port: ctx.port() would echo the Host header back
    if (!hosts.allows(ctx.header("Host"), ctx.req().getLocalPort())) {
      throw new ApiError(403, "host_not_allowed", "This server answers only to its own host names and addresses.");
    }
  }

  /** After {@link #headersAndHost}: the path, the origin and the caller. */
  void check(Context ctx) {
    String rawPath = ctx.req().getRequestURI().toLowerCase(Locale.ROOT);
    if (rawPath.contains("..") || rawPath.contains("%2f") || rawPath.contains("%5c") || rawPath.contains("%00")
        || rawPath.contains("%2e")) { // an encoded dot is only ever a '..' in disguise on these routes
      throw ApiError.badRequest("invalid_path", "Paths may not contain '..', encoded slashes or NUL");
    }
    if (!OriginCheck.allows(ctx)) {
      throw new ApiError(403, "cross_origin", "Requests from other web sites are refused.");
    }
    if (publicPaths.contains(ctx.path())) return;
    String address = ctx.ip();
    Caller caller = EventStream.PATH.equals(ctx.path()) && ctx.queryParam("ticket") != null
        ? byTicket(ctx, address) : byToken(ctx, address);
    ctx.attribute(CALLER, caller);
    if (AdminScope.covers(ctx.path()) && !caller.isAdmin()) {
      throw new ApiError(403, "admin_only", "This needs an admin token; a paired device can upload and browse only.");
    }
  }

  private Caller byTicket(Context ctx, String address) {
    return tickets.redeem(ctx.queryParam("ticket")).orElseThrow(() -> {
      refuseIfBlocked(ctx, address);
      failures.recordFailure(address);
      return new ApiError(401, "ticket_invalid", "That event-stream ticket is used or expired; ask for a new one.");
    });
  }

  private Caller byToken(Context ctx, String address) {
    String authorization = ctx.header("Authorization");
    String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim() : null;
    if (local.accepts(token)) return LocalEndpoint.CALLER;
    Verification verification = ports.devices().verify(token);
    return switch (verification) {
      case Verification.Valid valid -> valid.caller();
      case Verification.Revoked revoked -> {
        // a once-valid token is no guess: no failure counted, and its page can say what happened
        unauthorized(ctx);
        throw revoked.kind() == TokenKind.DEVICE
            ? new ApiError(401, "device_revoked",
                "This device is no longer paired with FRAME. Pair it again from FRAME's Server pane.")
            : new ApiError(401, "token_revoked", "That API token was revoked.");
      }
      case Verification.Unknown unknown -> {
        // only a presented token is a guess worth limiting; a missing one is a client learning the API
        if (token != null) {
          refuseIfBlocked(ctx, address);
          failures.recordFailure(address);
        }
        unauthorized(ctx);
        throw new ApiError(401, "unauthorized",
            token == null ? "Send an API token: Authorization: Bearer <token>." : "That API token is not valid.");
      }
    };
  }

  /** Failures are limited, never valid credentials: a blocked address still gets in with a good token. */
  private void refuseIfBlocked(Context ctx, String address) {
    if (failures.blocked(address)) {
      ctx.header("Retry-After", "60");
      throw new ApiError(429, "too_many_failed_logins", "Too many failed authentications; try again in a minute.");
    }
  }

  private static void unauthorized(Context ctx) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"FRAME\"");
  }
}
