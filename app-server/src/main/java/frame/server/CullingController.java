package frame.server;

import frame.server.error.ApiError;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Ports;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.CullFilter;
import frame.core.api.culling.StackFold;
import frame.core.api.culling.Flag;
import frame.core.api.culling.MarkChange;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Culling over HTTP: {@code PATCH /api/images/{id}} with {@code rating}, {@code flag}, {@code label}
 * (a paired device may: proofing on the LAN), shoots, stacks, look-alikes and tombstones.
 */
final class CullingController {
  private final Ports ports;

  CullingController(Ports ports) {
    this.ports = ports;
  }

  void patch(Context ctx) {
    long id = Params.id(ctx, "id");
    ctx.json(MarksJson.of(ports.culling().mark(id, change(JsonBodies.optional(ctx)))));
  }

  /** {@code GET /api/culling/marks?ids=1,2,3}: the marks of these photos. */
  void marks(Context ctx) {
    String raw = ctx.queryParam("ids");
    if (raw == null || raw.isBlank()) throw ApiError.badRequest("invalid_parameter", "ids must list photo ids");
    List<Long> ids = Params.orBadRequest("ids must be whole numbers separated by commas",
        text -> java.util.Arrays.stream(text.split(",")).map(String::strip).map(Long::parseLong).toList(), raw);
    ctx.json(ports.culling().marks(ids).values().stream().map(m -> {
      Map<String, Object> json = new java.util.LinkedHashMap<>();
      json.put("imageId", m.imageId());
      json.putAll(MarksJson.of(m));
      return json;
    }).toList());
  }

  void shoots(Context ctx) {
    ctx.json(ports.culling().shoots());
  }

  void renameShoot(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    if (!body.path("name").isTextual()) throw ApiError.badRequest("invalid_body", "name must be text");
    ctx.json(orBadRequest(() -> ports.culling().renameShoot(Params.id(ctx, "id"), body.get("name").asText())));
  }

  void stack(Context ctx) {
    ctx.json(ports.culling().stack(Params.id(ctx, "id")).stream().map(MarksJson::withId).toList());
  }

  void chooseTop(Context ctx) {
    ctx.json(MarksJson.withId(ports.culling().chooseStackTop(Params.id(ctx, "id"))));
  }

  void lookAlikes(Context ctx) {
    ctx.json(ports.culling().lookAlikes(Params.id(ctx, "id")).stream()
        .map(a -> Map.of("imageId", a.imageId(), "name", String.valueOf(a.name()), "takenAt", String.valueOf(a.takenAt()),
            "distance", a.distance(), "text", a.describe()))
        .toList());
  }

  void tombstones(Context ctx) {
    ctx.json(ports.culling().tombstones());
  }

  void deleteRejects(Context ctx) {
    ctx.json(Map.of("deleted", ports.culling().deleteRejects(Params.longQuery(ctx, "shoot"))));
  }

  /** {@code GET /api/admin/culling/analysis}: whether analysis follows each import. */
  void analysis(Context ctx) {
    ctx.json(Map.of("analysis", ports.culling().analysisOn()));
  }

  /** {@code POST /api/admin/culling/analysis} with {@code {"analysis": false}}: off (or on, queueing what lacks it). */
  void setAnalysis(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    if (!body.path("analysis").isBoolean()) throw ApiError.badRequest("invalid_body", "analysis must be true or false");
    int queued = ports.culling().setAnalysis(body.get("analysis").asBoolean());
    ctx.json(Map.of("analysis", ports.culling().analysisOn(), "queued", queued));
  }

  /**
   * {@code POST /api/admin/culling/export} with {@code {"folder": ..., "flag": ..., "minRating": N, "shoot": ID}}:
   * the server writes the originals and sidecars into a folder on its own machine (admin only).
   */
  void export(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    if (!body.path("folder").isTextual() || body.get("folder").asText().isBlank()) {
      throw ApiError.badRequest("invalid_body", "folder must name a folder");
    }
    String flag = body.path("flag").isTextual() ? body.get("flag").asText() : null;
    CullFilter.FlagFilter flags = flag == null ? null : switch (flag.strip().toLowerCase()) {
      case "pick" -> CullFilter.FlagFilter.PICKS;
      case "reject" -> CullFilter.FlagFilter.REJECTS;
      default -> throw ApiError.badRequest("invalid_body", "flag must be pick or reject");
    };
    Long shoot = body.path("shoot").isIntegralNumber() ? body.get("shoot").asLong() : null;
    CullFilter filter = orBadRequest(() -> new CullFilter(flags, false, body.path("minRating").asInt(0), shoot));
    var result = ports.culling().export(new frame.core.api.culling.ExportRequest(
        java.nio.file.Path.of(body.get("folder").asText()), filter));
    ctx.json(result);
  }

  /**
   * The culling filters of {@code GET /api/images}: {@code flag=pick|reject|none}, {@code unrated},
   * {@code minRating}, {@code shoot}, and {@code stacks=folded|all} (folded: one photo a stack, its top).
   */
  static CullFilter filter(Context ctx) {
    String flag = ctx.queryParam("flag");
    CullFilter.FlagFilter flags = flag == null || flag.isBlank() ? null : switch (flag.strip().toLowerCase()) {
      case "pick", "picks" -> CullFilter.FlagFilter.PICKS;
      case "reject", "rejects" -> CullFilter.FlagFilter.REJECTS;
      case "none", "unflagged" -> CullFilter.FlagFilter.UNFLAGGED;
      default -> throw ApiError.badRequest("invalid_parameter", "flag must be pick, reject or none");
    };
    boolean unrated = Params.booleanQuery(ctx, "unrated");
    int minRating = Params.intQuery(ctx, "minRating", 0, 0, 5);
    Long shoot = Params.longQuery(ctx, "shoot");
    String stacks = ctx.queryParam("stacks");
    StackFold fold = stacks == null || stacks.isBlank() ? StackFold.FLAT
        : Params.orBadRequest("stacks must be folded or all", StackFold::parse, stacks);
    try {
      return new CullFilter(flags, unrated, minRating, shoot, fold);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_parameter", e.getMessage());
    }
  }

  private static MarkChange change(JsonNode body) {
    Integer rating = null;
    if (body.has("rating")) {
      JsonNode value = body.get("rating");
      if (!value.isInt() || value.asInt() < 0 || value.asInt() > 5) {
        throw ApiError.badRequest("invalid_body", "rating must be a whole number from 0 to 5");
      }
      rating = value.asInt();
    }
    Flag flag = body.has("flag") ? text(body, "flag", Flag::parse) : null;
    ColorLabel label = body.has("label") ? text(body, "label", ColorLabel::parse) : null;
    MarkChange change = new MarkChange(rating, body.has("flag"), flag, body.has("label"), label);
    if (change.isEmpty()) throw ApiError.badRequest("invalid_body", "Send rating, flag or label");
    return change;
  }

  private static <T> T text(JsonNode body, String name, java.util.function.Function<String, T> parse) {
    JsonNode value = body.get(name);
    if (value.isNull()) return null;
    if (!value.isTextual()) throw ApiError.badRequest("invalid_body", name + " must be text or null");
    return orBadRequest(() -> parse.apply(value.asText()));
  }

  private static <T> T orBadRequest(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_body", e.getMessage());
    }
  }
}
