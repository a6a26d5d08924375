package frame.server;

import frame.server.error.ApiError;

import frame.core.api.Ports;
import frame.core.api.trash.RemovalSize;
import frame.core.api.trash.TrashedPhoto;
import frame.server.dto.ImageDto;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Removing photos to the trash, and the trash itself: listed, restored, emptied. */
final class TrashController {
  private final Ports ports;

  TrashController(Ports ports) {
    this.ports = ports;
  }

  void remove(Context ctx) {
    // under /api/images, not /api/admin, yet an admin's act: a paired phone may browse, not delete
    if (!RequestGuards.caller(ctx).isAdmin()) {
      throw new ApiError(403, "admin_only", "Removing photos needs an admin token; a paired device can upload and browse only.");
    }
    RemovalSize removed = ports.trash().remove(List.of(Params.id(ctx, "id")));
    ctx.json(Map.of("removed", removed.photos(), "bytes", removed.bytes()));
  }

  void list(Context ctx) {
    List<Map<String, Object>> items = ports.trash().list().stream().map(TrashController::entry).toList();
    ctx.json(Map.of("items", items, "total", items.size()));
  }

  void restore(Context ctx) {
    long id = Params.id(ctx, "id");
    if (ports.trash().restore(List.of(id)) == 0) throw ApiError.notFound("No image with id " + id + " in the trash");
    ctx.json(Map.of("restored", 1));
  }

  void empty(Context ctx) {
    ctx.json(Map.of("deleted", ports.trash().empty()));
  }

  private static Map<String, Object> entry(TrashedPhoto photo) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("image", ImageDto.of(photo.image(), List.of()));
    entry.put("removedAt", photo.removedAt().toString());
    return entry;
  }
}
