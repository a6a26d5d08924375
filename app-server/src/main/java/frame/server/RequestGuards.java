package frame.server;

import java.util.Locale;
import frame.core.auth.ApiTokens;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Set;

/**
 * Runs before every route: Host check first (no answer at all for a foreign name), then the
 * bearer token for everything but the public routes, with failed attempts rate-limited.
 */
final class RequestGuards {
  private final HostAllowlist hosts;
  private final ApiTokens tokens;
  private final FailedAuthLimiter failures;
  private final Set<String> publicPaths;

  RequestGuards(HostAllowlist hosts, ApiTokens tokens, int failuresPerMinute, Set<String> publicPaths) {
    this.hosts = hosts;
    this.tokens = tokens;
    this.failures = new FailedAuthLimiter(failuresPerMinute, Clock.systemUTC());
    this.publicPaths = publicPaths;
  }

  void check(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    // the socket's own port: ctx.port() would echo the Host header back
    if (!hosts.allows(ctx.header("Host"), ctx.req().getLocalPort())) {
      throw new ApiError(403, "host_not_allowed", "This server answers only to its own host names and addresses.");
    }
    String rawPath = ctx.req().getRequestURI().toLowerCase(Locale.ROOT);
    if (rawPath.contains("..") || rawPath.contains("%2f") || rawPath.contains("%5c") || rawPath.contains("%00")) {
      throw ApiError.badRequest("invalid_path", "Paths may not contain '..', encoded slashes or NUL");
    }
    if (publicPaths.contains(ctx.path())) return;
    String address = ctx.ip();
    if (failures.blocked(address)) {
      ctx.header("Retry-After", "60");
      throw new ApiError(429, "too_many_failed_logins", "Too many failed authentications; try again in a minute.");
    }
    String authorization = ctx.header("Authorization");
    String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim() : null;
    if (token == null || tokens.verify(token).isEmpty()) {
      // only a presented token is a guess worth limiting; a missing one is a client learning the API
      if (token != null) failures.recordFailure(address);
      ctx.header("WWW-Authenticate", "Bearer realm=\"FRAME\"");
      throw new ApiError(401, "unauthorized",
          token == null ? "Send an API token: Authorization: Bearer <token>." : "That API token is not valid.");
    }
  }
}
