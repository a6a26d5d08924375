package frame.server;

import frame.server.error.ApiError;

import frame.core.api.Ports;
import frame.core.api.catalogue.BackupTaken;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The catalogue as a whole: an online backup into a folder of this machine, and adoption of unknown originals. */
final class CatalogueController {
  private final Ports ports;

  CatalogueController(Ports ports) {
    this.ports = ports;
  }

  void backup(Context ctx) {
    String into = JsonBodies.optional(ctx).path("into").asText("");
    if (into.isBlank() || !Path.of(into).isAbsolute()) {
      throw ApiError.badRequest("bad_request", "Give \"into\": an absolute folder path on the machine FRAME runs on.");
    }
    BackupTaken taken = ports.catalogue().backup(Path.of(into));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("folder", taken.folder().toString());
    body.put("takenAt", taken.takenAt().toString());
    body.put("images", taken.images());
    body.put("bytes", taken.bytes());
    ctx.status(201).json(body);
  }

  void adopt(Context ctx) {
    ctx.json(Map.of("adopted", ports.catalogue().adoptOrphans()));
  }
}
