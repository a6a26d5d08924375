package frame.server.tls;

import frame.server.ApiError;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * What plain HTTP gets on a port that serves HTTPS: no API. A page request is sent to the same
 * address over {@code https://} (a person who typed {@code http://} lands on the page); an API
 * request is refused, so a client that would send its token in the clear learns at once, and
 * nothing it sent is acted on.
 */
public final class PlainHttpRefusal {
  private PlainHttpRefusal() {}

  public static void check(Context ctx) {
    if (ctx.req().isSecure()) return;
    if (ctx.path().startsWith("/api")) {
      throw new ApiError(400, "https_required", "This FRAME serves HTTPS only: use https://" + ctx.host()
          + ctx.path() + ". Nothing was done.");
    }
    String host = ctx.host();
    if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
      throw new ApiError(400, "https_required", "This FRAME serves HTTPS only: open it with https://.");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.redirect("https://" + host + ctx.path(), HttpStatus.MOVED_PERMANENTLY);
    ctx.skipRemainingHandlers();
  }
}
