package frame.server;

import frame.server.error.ApiError;

import frame.core.api.FrameException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns failures into JSON errors with the right HTTP status. */
final class ErrorMapping {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

  /**
   * The status of each {@link FrameException} code a request can meet. ErrorCodesTest reads every
   * code thrown in app-core and the server and fails on one that is neither here nor a server fault.
   */
  static final Map<String, Integer> STATUS_BY_CODE = Map.ofEntries(
      Map.entry("bad_request", 400),
      Map.entry("bad_archive_target", 400),
      Map.entry("empty_file", 400),
      Map.entry("invalid_token_name", 400),
      Map.entry("pairing_code_invalid", 401),
      Map.entry("pairing_code_expired", 401),
      Map.entry("pairing_code_used", 401),
      Map.entry("pairing_code_closed", 401),
      Map.entry("image_not_found", 404),
      Map.entry("job_not_found", 404),
      Map.entry("shoot_not_found", 404),
      Map.entry("stack_not_found", 404),
      Map.entry("preview_missing", 404),
      Map.entry("token_exists", 409),
      Map.entry("archive_target_exists", 409),
      Map.entry("archive_target_same_place", 409),
      Map.entry("not_stacked", 409),
      Map.entry("job_not_retryable", 409),
      Map.entry("job_not_cancellable", 409),
      Map.entry("job_changed", 409),
      Map.entry("backup_refused", 409),
      Map.entry("library_not_empty", 409),
      Map.entry("original_damaged", 409),
      Map.entry("original_missing", 410),
      Map.entry("image_too_large", 413),
      Map.entry("unsupported_format", 415),
      Map.entry("corrupt_image", 422),
      Map.entry("checksum_mismatch", 422),
      Map.entry("raw_no_preview", 422),
      Map.entry("original_unavailable", 503));

  /**
   * Codes that stay a 500 on purpose: the server's own trouble, or thrown only where no request
   * waits (a photo's processing, where they become its failure reason; start-up).
   */
  static final Set<String> SERVER_FAULTS = Set.of(
      "database_error", "interrupted", "no_handler", "bad_job", "archive_unreadable",
      "data_folder_in_use", "data_folder_unusable", "port_in_use", "local_api_unsafe",
      "codec_missing", "not_enough_memory", "decode_failed", "decode_timeout", "heif_memory",
      "heif_security_limit", "heif_unsupported", "libraw_memory", "raw_not_developed");

  private ErrorMapping() {}

  static void install(JavalinConfig config) {
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonJettyErrors()));
    config.routes.exception(ApiError.class, (e, ctx) -> respond(ctx, e.status(), e.code(), e.getMessage()));
    config.routes.exception(FrameException.class, (e, ctx) -> {
      if (AbandonedUpload.answered(ctx, e)) return;
      Integer status = STATUS_BY_CODE.get(e.code());
      if (status == null) {
        log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
        respond(ctx, 500, "internal_error", "Something went wrong on the server; the details are in its log.");
      } else {
        respond(ctx, status, e.code(), e.getMessage());
      }
    });
    config.routes.exception(HttpResponseException.class, (e, ctx) ->
        respond(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage()));
    config.routes.exception(Exception.class, (e, ctx) -> {
      if (AbandonedUpload.answered(ctx, e)) return;
      if (isTooLarge(e)) {
        respond(ctx, 413, "too_large", "The upload is over the size limit.");
        return;
      }
      if (isMalformedBody(e)) {
        respond(ctx, 400, "bad_multipart", "The multipart body is malformed or has too many parts.");
        return;
      }
      log.error("Request {} {} failed", ctx.method(), ctx.path(), e);
      respond(ctx, 500, "internal_error", "Something went wrong on the server; the details are in its log.");
    });
    config.routes.error(404, ctx -> {
      if (!ctx.result().isEmpty() && ctx.res().getContentType() != null) return;
      respond(ctx, 404, "not_found", "No such resource: " + ctx.path());
    });
    config.routes.error(405, ctx -> respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed here"));
  }

  static void respond(Context ctx, int status, String code, String message) {
    ctx.status(status).json(Map.of("error", Map.of("code", code, "message", message == null ? code : message)));
  }

  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "too_large";
      case 429 -> "too_many_requests";
      case 503 -> "busy";
      default -> "http_" + status;
    };
  }

  /** Jetty's parsers reject a broken or abusive body (too many parts, bad boundaries) this way. */
  private static boolean isMalformedBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.BadMessageException bad && bad.getCode() == 400) return true;
      if (String.valueOf(t.getMessage()).contains("too many keys")) return true;
    }
    return false;
  }

  /** Jetty reports a part over the multipart limits as a plain exception; find it in the chain. */
  private static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase();
      if (message.contains("exceeds max") || message.contains("too large") || message.contains("max file size")
          || message.contains("max request size") || message.contains("maxfilesize") || message.contains("413")) {
        return true;
      }
    }
    return false;
  }
}
