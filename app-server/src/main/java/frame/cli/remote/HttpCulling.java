package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frame.core.api.Culling;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.CullFilter;
import frame.core.api.culling.ExportRequest;
import frame.core.api.culling.ExportResult;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.LookAlike;
import frame.core.api.culling.MarkChange;
import frame.core.api.culling.Shoot;
import frame.core.api.culling.Tombstone;
import java.net.http.HttpRequest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link Culling} over the loopback API of a running FRAME. */
final class HttpCulling implements Culling {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final LoopbackClient api;

  HttpCulling(LoopbackClient api) {
    this.api = api;
  }

  @Override
  public ImageMarks mark(long imageId, MarkChange change) {
    ObjectNode body = JSON.createObjectNode();
    if (change.rating() != null) body.put("rating", change.rating());
    if (change.changesFlag()) body.put("flag", change.flag() == null ? null : change.flag().wire());
    if (change.changesLabel()) body.put("label", change.label() == null ? null : change.label().wire());
    HttpRequest request = api.request("/api/images/" + imageId).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return marks(imageId, LoopbackClient.checked(api.send(request)));
  }

  @Override
  public List<ImageMarks> markAll(Collection<Long> imageIds, MarkChange change) {
    List<Long> ids = imageIds.stream().distinct().toList();
    // one photo a request: every id checked first, so an unknown one changes nothing
    Map<Long, ImageMarks> known = marks(ids);
    ids.stream().filter(id -> !known.containsKey(id)).findFirst().ifPresent(id -> api.get("/api/images/" + id,
        new TypeReference<JsonNode>() {}));
    return ids.stream().map(id -> mark(id, change)).toList();
  }

  @Override
  public Map<Long, ImageMarks> marks(Collection<Long> imageIds) {
    if (imageIds.isEmpty()) return Map.of();
    String ids = imageIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    List<JsonNode> found = api.get("/api/culling/marks?ids=" + ids, new TypeReference<>() {});
    Map<Long, ImageMarks> marks = new LinkedHashMap<>();
    for (JsonNode node : found) marks.put(node.get("imageId").asLong(), marks(node.get("imageId").asLong(), node));
    return marks;
  }

  @Override
  public List<ImageMarks> stack(long stackId) {
    List<JsonNode> members = api.get("/api/stacks/" + stackId, new TypeReference<>() {});
    return members.stream().map(m -> marks(m.get("imageId").asLong(), m)).toList();
  }

  @Override
  public ImageMarks chooseStackTop(long imageId) {
    JsonNode answer = api.post("/api/images/" + imageId + "/stack-top", null, JsonNode.class);
    return marks(imageId, answer);
  }

  @Override
  public List<LookAlike> lookAlikes(long imageId) {
    List<JsonNode> alikes = api.get("/api/images/" + imageId + "/look-alikes", new TypeReference<>() {});
    return alikes.stream().map(a -> new LookAlike(a.get("imageId").asLong(), a.get("name").asText(),
        a.get("takenAt").isNull() || a.get("takenAt").asText().equals("null") ? null : a.get("takenAt").asText(),
        a.get("distance").asInt())).toList();
  }

  @Override
  public ExportResult export(ExportRequest request) {
    ObjectNode body = JSON.createObjectNode().put("folder", request.folder().toAbsolutePath().toString());
    CullFilter filter = request.filter();
    if (filter.flags() == CullFilter.FlagFilter.PICKS) body.put("flag", "pick");
    if (filter.flags() == CullFilter.FlagFilter.REJECTS) body.put("flag", "reject");
    if (filter.minRating() > 0) body.put("minRating", filter.minRating());
    if (filter.shoot() != null) body.put("shoot", filter.shoot());
    return JSON.convertValue(api.post("/api/admin/culling/export", body, JsonNode.class), ExportResult.class);
  }

  @Override
  public List<Shoot> shoots() {
    return JSON.convertValue(api.get("/api/shoots", new TypeReference<JsonNode>() {}), new TypeReference<>() {});
  }

  @Override
  public Shoot renameShoot(long shootId, String name) {
    HttpRequest request = api.request("/api/shoots/" + shootId).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("name", name).toString())).build();
    return JSON.convertValue(LoopbackClient.checked(api.send(request)), Shoot.class);
  }

  @Override
  public List<Tombstone> tombstones() {
    return JSON.convertValue(api.get("/api/admin/tombstones", new TypeReference<JsonNode>() {}), new TypeReference<>() {});
  }

  @Override
  public int deleteRejects(Long shootId) {
    JsonNode answer = api.post("/api/admin/culling/delete-rejects" + LoopbackClient.params("shoot", shootId), null,
        JsonNode.class);
    return answer.path("deleted").asInt();
  }

  @Override
  public boolean analysisOn() {
    return api.get("/api/admin/culling/analysis", new TypeReference<JsonNode>() {}).path("analysis").asBoolean(true);
  }

  @Override
  public int setAnalysis(boolean on) {
    return api.post("/api/admin/culling/analysis", JSON.createObjectNode().put("analysis", on), JsonNode.class).path("queued").asInt();
  }

  private static ImageMarks marks(long imageId, JsonNode json) {
    return new ImageMarks(imageId, json.path("rating").asInt(),
        json.path("flag").isTextual() ? Flag.parse(json.get("flag").asText()) : null,
        json.path("label").isTextual() ? ColorLabel.parse(json.get("label").asText()) : null,
        longOrNull(json, "shoot"), longOrNull(json, "stack"), longOrNull(json, "stackTop"),
        json.path("sharpness").isNumber() ? json.get("sharpness").asDouble() : null, json.path("stackSize").asInt(1));
  }

  private static Long longOrNull(JsonNode json, String name) {
    return json.path(name).isNumber() ? json.get(name).asLong() : null;
  }
}
