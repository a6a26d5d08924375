package frame.server;

import frame.server.error.ApiError;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Sends stored bytes with an ETag and answers a matching If-None-Match with 304. */
final class FileResponses {
  private FileResponses() {}

  static void send(Context ctx, Path file, String mediaType, String etag) {
    // The store never holds links; one that appears there is not followed.
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw ApiError.notFound("Not made yet; try again when the image is PROCESSED");
    }
    String quoted = "\"" + etag + "\"";
    ctx.header("ETag", quoted);
    ctx.header("Cache-Control", "private, max-age=31536000, immutable");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(quoted) || ifNoneMatch.trim().equals("*"))) {
      ctx.status(304);
      return;
    }
    try {
      ctx.contentType(mediaType);
      ctx.header("Content-Length", Long.toString(Files.size(file)));
      ctx.result(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
