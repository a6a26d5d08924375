package frame.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty refuses before any route sees it (a NUL, a {@code ..} above the root, an ambiguous
 * {@code ..;} segment, a malformed request line) answered in FRAME's JSON error shape, like every
 * route, instead of Jetty's HTML page.
 */
final class JsonJettyErrors extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    // a 400 Jetty answers itself, before any route, is a request target it could not accept
    byte[] body = body(code, message, code == 400);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason, status == 400 && reason != null && reason.toLowerCase().contains("uri")));
  }

  private static byte[] body(int status, String reason, boolean badPath) {
    String code = badPath ? "invalid_path" : ErrorMapping.codeFor(status);
    String message = badPath ? "The path is malformed: paths may not contain '..', encoded slashes or NUL" : reason == null ? code : reason;
    try {
      return ApiServer.jsonMapper().writeValueAsBytes(Map.of("error", Map.of("code", code, "message", message)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
