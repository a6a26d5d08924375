package frame.server;

import frame.server.error.ApiError;

import java.util.Arrays;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.Function;

/** Reads and validates path and query parameters; a bad one is a 400, never a 500. */
final class Params {
  private Params() {}

  static long id(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) return id;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw ApiError.badRequest("invalid_id", "'" + raw + "' is not a valid id");
  }

  static int intQuery(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return fallback;
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) return value;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw ApiError.badRequest("invalid_parameter", name + " must be a whole number from " + min + " to " + max);
  }

  static Long longQuery(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return null;
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid_parameter", name + " must be a whole number");
    }
  }

  /** true or false (any case); absent is false. */
  static boolean booleanQuery(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return false;
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiError.badRequest("invalid_parameter", name + " must be true or false");
    };
  }

  static <E extends Enum<E>> E enumQuery(Context ctx, String name, Class<E> type) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return null;
    try {
      return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_parameter", name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  static <T> T orBadRequest(String what, Function<String, T> parse, String raw) {
    try {
      return parse.apply(raw);
    } catch (RuntimeException e) {
      throw ApiError.badRequest("invalid_parameter", what);
    }
  }
}
