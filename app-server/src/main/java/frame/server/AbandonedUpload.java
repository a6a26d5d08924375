package frame.server;

import frame.server.tus.TusEndpoint;
import io.javalin.http.Context;
import java.io.EOFException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload whose client stopped sending before the body's end (lost Wi-Fi, a locked phone, a
 * cancelled curl). Nothing of it is stored (a resumable upload's PATCH keeps the bytes that
 * arrived, to resume from), and nothing is wrong with the server: one line at INFO, and a 400 for
 * a client still listening, never an ERROR with a stack trace and a 500.
 */
final class AbandonedUpload {
  private static final Logger log = LoggerFactory.getLogger(AbandonedUpload.class);

  private AbandonedUpload() {}

  /** True when {@code failure} was an abandoned body, which is then logged and answered. */
  static boolean answered(Context ctx, Throwable failure) {
    Throwable eof = endOfBody(failure);
    if (eof == null) return false;
    boolean resumable = ctx.path().startsWith(TusEndpoint.PATH);
    log.info("{} {} from {} ended before its body did; {} ({})", ctx.method(), ctx.path(), ctx.ip(),
        resumable ? "the bytes that arrived are kept to resume from" : "nothing of it was stored",
        eof.getMessage() == null ? eof.getClass().getSimpleName() : eof.getMessage());
    ErrorMapping.respond(ctx, 400, "upload_incomplete", resumable
        ? "The PATCH ended before its last byte; the bytes that arrived are kept. HEAD gives the offset to resume from."
        : "The upload ended before its last byte; nothing of it was stored. Send it again.");
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
