package frame.server;

import frame.server.error.ApiError;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Ports;
import frame.core.api.archive.ArchiveCredentials;
import frame.core.api.archive.ArchiveTargetKind;
import frame.core.api.archive.FileHash;
import frame.core.api.archive.NewArchiveTarget;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The archive's admin routes: targets (listed, added, removed), the one-place count, free, safe
 * and scrub. Credentials come in with a new S3 target and never go out again.
 */
final class ArchiveController {
  private final Ports ports;

  ArchiveController(Ports ports) {
    this.ports = ports;
  }

  void status(Context ctx) {
    ctx.json(ports.archive().status());
  }

  void targets(Context ctx) {
    ctx.json(Map.of("items", ports.archive().status().targets()));
  }

  void add(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    ArchiveTargetKind kind = JsonBodies.enumField(body, "kind", ArchiveTargetKind.class);
    if (kind == null) throw ApiError.badRequest("invalid_body", "kind is S3 or FOLDER");
    String name = text(body, "name");
    NewArchiveTarget target;
    if (kind == ArchiveTargetKind.FOLDER) {
      target = NewArchiveTarget.folder(name, text(body, "folder"));
    } else {
      String id = text(body, "accessKeyId");
      String secret = text(body, "secretAccessKey");
      if (id == null || secret == null) {
        throw ApiError.badRequest("invalid_body", "An S3 target needs accessKeyId and secretAccessKey");
      }
      target = NewArchiveTarget.s3(name, text(body, "endpoint"), text(body, "bucket"), text(body, "prefix"),
          text(body, "region"), new ArchiveCredentials(id, secret));
    }
    ctx.status(201).json(ports.archive().add(target));
  }

  void remove(Context ctx) {
    String name = ctx.pathParam("name");
    if (!ports.archive().remove(name)) throw ApiError.notFound("No archive target called " + name);
    ctx.json(Map.of("removed", name));
  }

  void free(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    ctx.json(ports.archive().free(body.path("minCopies").asInt(1)));
  }

  void safe(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    List<FileHash> files = new ArrayList<>();
    for (JsonNode file : body.path("files")) {
      files.add(new FileHash(file.path("name").asText(), file.path("sha256").asText(), file.path("size").asLong()));
    }
    ctx.json(ports.archive().safe(files, body.path("copies").asInt(2)));
  }

  void scrub(Context ctx) {
    JsonNode body = JsonBodies.optional(ctx);
    ctx.json(ports.archive().scrub(body.path("sample").asInt(100)));
  }

  void copies(Context ctx) {
    long id = Params.id(ctx, "id");
    ports.library().image(id); // 404 for an unknown photo
    ctx.json(Map.of("copies", ports.archive().copies(id)));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
