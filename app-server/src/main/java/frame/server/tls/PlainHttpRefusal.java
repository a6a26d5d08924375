package frame.server.tls;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * What plain HTTP gets on a port that serves HTTPS: no API. A page request is sent to the same
 * address over {@code https://} (a person who typed {@code http://} lands on the page); an API
 * request is refused, so a client that would send its token in the clear learns at once, and
 * nothing it sent is acted on. Runs after the Host allowlist, so the address it names is this
 * FRAME's own.
 */
public final class PlainHttpRefusal {
  private PlainHttpRefusal() {}

  public static void check(Context ctx) {
    if (ctx.req().isSecure()) return;
    String host = ctx.host();
    boolean usableHost = host != null && host.matches("[A-Za-z0-9.:\\[\\]-]+");
    if (ctx.path().startsWith("/api") || !usableHost) {
      refuse(ctx, "This FRAME serves HTTPS only: use https://" + (usableHost ? host + ctx.path() : "")
          + ". Nothing was done.");
      return;
    }
    ctx.header("Cache-Control", "no-store");
    String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
    ctx.redirect("https://" + host + ctx.path() + query, HttpStatus.MOVED_PERMANENTLY);
    ctx.skipRemainingHandlers();
  }

  /** The API's error form ({@code {"error": {"code", "message"}}}), and no handler after. */
  private static void refuse(Context ctx, String message) {
    ctx.status(HttpStatus.BAD_REQUEST)
        .json(Map.of("error", Map.of("code", "https_required", "message", message)));
    ctx.skipRemainingHandlers();
  }
}
