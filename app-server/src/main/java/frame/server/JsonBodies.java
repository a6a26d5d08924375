package frame.server;

import frame.server.error.ApiError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Small JSON request bodies of the admin routes, read strictly: anything malformed is a 400. */
final class JsonBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  /** A body on a route anyone may call: never more than this, whatever the size limit of the others. */
  static final int PUBLIC_MAX_CHARS = 16_384;

  /**
   * The body as an object; an empty object when there is none. Over the server's request size
   * limit, reading it throws Javalin's 413, which ErrorMapping answers {@code too_large}.
   */
  static JsonNode optional(Context ctx) {
    String text = ctx.body();
    if (text == null || text.isBlank()) return JSON.createObjectNode();
    return object(text);
  }

  /** The body of a public route: a JSON object of at most {@link #PUBLIC_MAX_CHARS}. */
  static JsonNode small(Context ctx) {
    String text = ctx.body();
    if (text.length() > PUBLIC_MAX_CHARS) throw new ApiError(413, "too_large", "The JSON body is too large");
    return object(text);
  }

  private static JsonNode object(String text) {
    JsonNode body;
    try {
      body = JSON.readTree(text);
    } catch (Exception e) {
      throw ApiError.badRequest("invalid_body", "The body must be a JSON object");
    }
    if (body == null || !body.isObject()) throw ApiError.badRequest("invalid_body", "The body must be a JSON object");
    return body;
  }

  static <E extends Enum<E>> E enumField(JsonNode body, String name, Class<E> type) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) return null;
    try {
      if (!value.isTextual()) throw new IllegalArgumentException();
      return Enum.valueOf(type, value.asText().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_body", name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A list of positive ids, or null when the field is absent. */
  static List<Long> ids(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) return null;
    if (!value.isArray() || value.isEmpty() || value.size() > 1000) {
      throw ApiError.badRequest("invalid_body", name + " must be a list of 1 to 1000 ids");
    }
    List<Long> ids = new ArrayList<>();
    for (JsonNode id : value) {
      if (!id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() < 1) {
        throw ApiError.badRequest("invalid_body", name + " must hold positive whole numbers");
      }
      ids.add(id.asLong());
    }
    return ids;
  }
}
