package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Trash;
import frame.core.api.trash.RemovalSize;
import frame.core.api.trash.TrashedPhoto;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link Trash} over {@code DELETE /api/images/{id}} and {@code /api/admin/trash}. */
final class HttpTrash implements Trash {
  private final LoopbackClient api;
  private final HttpLibrary library;

  HttpTrash(LoopbackClient api, HttpLibrary library) {
    this.api = api;
    this.library = library;
  }

  @Override
  public RemovalSize remove(Collection<Long> imageIds) {
    List<Long> ids = imageIds.stream().distinct().toList();
    // the API removes one photo a request: look every id up first, so an unknown one removes nothing
    for (long id : ids) library.image(id);
    int photos = 0;
    long bytes = 0;
    for (long id : ids) {
      JsonNode removed = LoopbackClient.checked(api.send(api.request("/api/images/" + id).DELETE().build()));
      photos += removed.path("removed").asInt();
      bytes += removed.path("bytes").asLong();
    }
    return new RemovalSize(photos, bytes);
  }

  @Override
  public List<TrashedPhoto> list() {
    List<TrashedPhoto> photos = new ArrayList<>();
    for (JsonNode entry : api.get("/api/admin/trash", new TypeReference<JsonNode>() {}).path("items")) {
      photos.add(new TrashedPhoto(LoopbackClient.image(entry.get("image")), Instant.parse(entry.get("removedAt").asText())));
    }
    return photos;
  }

  @Override
  public int restore(Collection<Long> imageIds) {
    int restored = 0;
    for (long id : imageIds.stream().distinct().toList()) {
      HttpResponse<byte[]> response = api.send(api.request("/api/admin/trash/" + id + "/restore")
          .POST(HttpRequest.BodyPublishers.noBody()).build());
      if (response.statusCode() == 404) continue; // not in the trash: counted as not restored, like the core
      restored += LoopbackClient.checked(response).path("restored").asInt();
    }
    return restored;
  }

  @Override
  public int empty() {
    return LoopbackClient.checked(api.send(api.request("/api/admin/trash").DELETE().build())).path("deleted").asInt();
  }

  @Override
  public RemovalSize removalSize(Collection<Long> imageIds) {
    throw LoopbackClient.notOverTheApi("The size of a removal");
  }

  @Override
  public int emptyExpired() {
    throw LoopbackClient.notOverTheApi("Emptying the expired trash");
  }
}
