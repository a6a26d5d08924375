package frame.server;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests a browser sent from another site: a cross-origin form post or
 * fetch carries an Origin (or Sec-Fetch-Site) that is not this server. Clients without a browser
 * (curl, the command line) send neither and pass.
 */
final class OriginCheck {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private OriginCheck() {}

  static boolean allows(Context ctx) {
    if (SAFE_METHODS.contains(ctx.method().name())) return true;
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) return false;
    String origin = ctx.header("Origin");
    if (origin == null) return true;
    if (origin.equals("null")) return false; // sandboxed frames, file: pages, some redirects
    try {
      URI uri = URI.create(origin);
      String host = ctx.header("Host");
      if (uri.getHost() == null || host == null) return false;
      String originHost = uri.getAuthority().toLowerCase(Locale.ROOT);
      String given = host.trim().toLowerCase(Locale.ROOT);
      int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
      return originHost.equals(given) || (uri.getPort() == -1 && given.equals(originHost + ":" + defaultPort));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
