package frame.server.upload;

import frame.server.error.ApiError;
import io.javalin.http.Context;

/** The answer to an upload turned away before its body is read: busy now, try again shortly. */
public final class BusyUploads {
  private BusyUploads() {}

  /** A 503 with Retry-After that also closes the connection, since the body it leaves unread ends it. */
  public static ApiError refuse(Context ctx, String message) {
    ctx.header("Retry-After", "5");
    // the server drops a connection whose body it did not read; a client that sent its next
    // request on it would get no answer at all, so the answer says the connection ends
    ctx.header("Connection", "close");
    return new ApiError(503, "busy", message);
  }
}
