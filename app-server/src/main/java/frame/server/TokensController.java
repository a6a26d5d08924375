package frame.server;

import frame.server.error.ApiError;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Ports;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The admin's API tokens: create (the token is in this answer only), list by name, revoke. */
final class TokensController {
  private final Ports ports;

  TokensController(Ports ports) {
    this.ports = ports;
  }

  void list(Context ctx) {
    ctx.json(ports.devices().tokens());
  }

  void create(Context ctx) {
    String name = nameFrom(ctx);
    String token = ports.devices().createToken(name);
    Map<String, String> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("token", token);
    ctx.status(201).json(body);
  }

  /** By a query parameter, not a path segment: a paired device's name may hold any character, '/' too. */
  void revoke(Context ctx) {
    String name = ctx.queryParam("name");
    if (name == null || name.isBlank()) throw ApiError.badRequest("invalid_parameter", "Say which: ?name=phone");
    if (!ports.devices().revoke(name)) throw new ApiError(404, "token_not_found", "No active token named '" + name + "'");
    ctx.status(204);
  }

  private static String nameFrom(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    if (!body.path("name").isTextual()) throw ApiError.badRequest("invalid_body", "Send JSON: {\"name\": \"phone\"}");
    return body.get("name").asText();
  }
}
