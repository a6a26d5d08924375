package frame.server;

import io.javalin.http.Context;
import java.io.EOFException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload whose client stopped sending before the body's end (lost Wi-Fi, a locked phone, a
 * cancelled curl). Nothing of it is stored, and nothing is wrong with the server: one line at
 * INFO, and a 400 for a client still listening, never an ERROR with a stack trace and a 500.
 */
final class AbandonedUpload {
  private static final Logger log = LoggerFactory.getLogger(AbandonedUpload.class);

  private AbandonedUpload() {}

  /** True when {@code failure} was an abandoned body, which is then logged and answered. */
  static boolean answered(Context ctx, Throwable failure) {
    Throwable eof = endOfBody(failure);
    if (eof == null) return false;
    log.info("{} {} from {} ended before its body did; nothing of it was stored ({})",
        ctx.method(), ctx.path(), ctx.ip(), eof.getMessage() == null ? eof.getClass().getSimpleName() : eof.getMessage());
    ErrorMapping.respond(ctx, 400, "upload_incomplete",
        "The upload ended before its last byte; nothing of it was stored. Send it again.");
    return true;
  }

  /** Jetty's EofException is an EOFException: the socket closed, or was half-closed, mid-body. */
  private static Throwable endOfBody(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof EOFException) return t;
    }
    return null;
  }
}
