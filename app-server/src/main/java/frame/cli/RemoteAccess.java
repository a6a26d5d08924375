package frame.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import frame.core.Frame;
import frame.core.FrameConfig;
import frame.core.ImageFiles;
import frame.core.Regeneration;
import frame.core.auth.ApiTokens;
import frame.core.error.FrameException;
import frame.core.event.FrameEvent;
import frame.core.image.Image;
import frame.core.image.ImageFormat;
import frame.core.image.ImageQuery;
import frame.core.image.ImageState;
import frame.core.ingest.IngestResult;
import frame.core.job.JobPriority;
import frame.core.job.JobQuery;
import frame.core.trash.RemovalSize;
import frame.core.trash.TrashedPhoto;
import frame.core.job.JobType;
import frame.server.LocalEndpoint;
import frame.server.PairingLinks;
import frame.server.tls.Fingerprint;
import frame.server.dto.ImageDto;
import frame.server.dto.JobDto;
import frame.server.dto.Page;
import frame.server.dto.QueueDto;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A FRAME already runs on the data folder (the window or {@code frame serve}): the command asks
 * it over its loopback API with the credential it published ({@link LocalEndpoint}), and turns
 * the answers back into the values {@link DirectAccess} gives, so the output is the same.
 */
final class RemoteAccess implements FrameAccess {
  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final LocalEndpoint.Published endpoint;
  private final FrameConfig config;
  private final HttpClient http;

  RemoteAccess(LocalEndpoint.Published endpoint, FrameConfig config) {
    this.endpoint = endpoint;
    this.config = config;
    // over HTTPS, trust exactly the certificate the running FRAME wrote in its endpoint file
    this.http = endpoint.https() ? PinnedTls.client(Fingerprint.parse(endpoint.fingerprint()), Duration.ofSeconds(5))
        : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public Listing<Image> images(ImageQuery query) {
    Page<ImageDto> page = get("/api/images" + params("status", query.state(), "limit", query.limit(),
        "offset", query.offset()), new TypeReference<>() {});
    return new Listing<>(page.items().stream().map(RemoteAccess::image).toList(), page.total());
  }

  @Override
  public ImageFiles files(Image image) {
    return Frame.filesIn(config, image);
  }

  @Override
  public Image image(long id) {
    return image(JSON.convertValue(get("/api/images/" + id, new TypeReference<JsonNode>() {}).get("image"),
        ImageDto.class));
  }

  @Override
  public Listing<JobDto> jobs(JobQuery query) {
    Page<JobDto> page = get("/api/admin/jobs" + params("status", query.state(), "type", query.type(),
        "imageId", query.imageId(), "limit", query.limit(), "offset", query.offset()), new TypeReference<>() {});
    return new Listing<>(page.items(), page.total());
  }

  @Override
  public JobDto job(long id) {
    return get("/api/admin/jobs/" + id, new TypeReference<>() {});
  }

  @Override
  public String queueStatus() {
    return queue().status();
  }

  @Override
  public QueueDto queue() {
    return get("/api/admin/queue", new TypeReference<>() {});
  }

  @Override
  public QueueDto pause(JobType type) {
    return post("/api/admin/queue/pause", typeBody(type), QueueDto.class);
  }

  @Override
  public QueueDto resume(JobType type) {
    return post("/api/admin/queue/resume", typeBody(type), QueueDto.class);
  }

  @Override
  public JobDto retryJob(long id) {
    return post("/api/admin/jobs/" + id + "/retry", null, JobDto.class);
  }

  @Override
  public List<JobDto> retryFailedJobs(JobType type) {
    ObjectNode filter = typeBody(type).put("status", "FAILED");
    return JSON.convertValue(post("/api/admin/jobs/retry", filter, JsonNode.class).get("jobs"), new TypeReference<>() {});
  }

  @Override
  public JobDto cancelJob(long id) {
    return post("/api/admin/jobs/" + id + "/cancel", null, JobDto.class);
  }

  @Override
  public Regeneration regenerate(List<Long> imageIds) {
    ObjectNode body = JSON.createObjectNode();
    imageIds.stream().distinct().forEach(body.putArray("ids")::add);
    return post("/api/admin/images/regenerate", body, Regeneration.class);
  }

  @Override
  public Regeneration regenerateEvery(ImageState state) {
    ObjectNode body = JSON.createObjectNode();
    if (state == null) body.put("all", true); else body.put("status", state.name());
    return post("/api/admin/images/regenerate", body, Regeneration.class);
  }

  private static ObjectNode typeBody(JobType type) {
    ObjectNode body = JSON.createObjectNode();
    if (type != null) body.put("type", type.name());
    return body;
  }

  @Override
  public IngestResult importFile(Path file, JobPriority priority) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String boundary = "frame-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + name.replace("\"", "%22").replace("\r", "").replace("\n", "")
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher body;
    try {
      if (!Files.isReadable(file)) throw new FileNotFoundException(file + " (not readable)");
      body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
          HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
    } catch (FileNotFoundException e) {
      return new IngestResult.Rejected(name, "unreadable", "Cannot read the file: " + e.getMessage());
    }
    HttpResponse<byte[]> response = sendRetryingWhenBusy(request("/api/upload" + (priority == JobPriority.BULK ? "?priority=bulk" : ""))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build());
    JsonNode answer = tree(response);
    if (response.statusCode() >= 300) {
      JsonNode error = answer.path("error");
      return new IngestResult.Rejected(name, error.path("code").asText("upload_failed"),
          error.path("message").asText("HTTP " + response.statusCode()));
    }
    Image image = image(JSON.convertValue(answer.get("image"), ImageDto.class));
    String storedName = answer.path("name").asText(name);
    return answer.path("duplicate").asBoolean()
        ? new IngestResult.Duplicate(storedName, image) : new IngestResult.Stored(storedName, image);
  }

  @Override
  public RemovalSize remove(List<Long> imageIds) {
    List<Long> ids = imageIds.stream().distinct().toList();
    // the API removes one photo a request: look every id up first, so an unknown one removes nothing
    for (long id : ids) image(id);
    int photos = 0;
    long bytes = 0;
    for (long id : ids) {
      JsonNode removed = checked(send(request("/api/images/" + id).DELETE().build()));
      photos += removed.path("removed").asInt();
      bytes += removed.path("bytes").asLong();
    }
    return new RemovalSize(photos, bytes);
  }

  @Override
  public List<TrashedPhoto> trash() {
    List<TrashedPhoto> photos = new ArrayList<>();
    for (JsonNode entry : get("/api/admin/trash", new TypeReference<JsonNode>() {}).path("items")) {
      photos.add(new TrashedPhoto(image(JSON.convertValue(entry.get("image"), ImageDto.class)),
          Instant.parse(entry.get("removedAt").asText())));
    }
    return photos;
  }

  @Override
  public int restore(List<Long> imageIds) {
    int restored = 0;
    for (long id : imageIds.stream().distinct().toList()) {
      HttpResponse<byte[]> response = send(request("/api/admin/trash/" + id + "/restore")
          .POST(HttpRequest.BodyPublishers.noBody()).build());
      if (response.statusCode() == 404) continue; // not in the trash: counted as not restored, like the core
      restored += checked(response).path("restored").asInt();
    }
    return restored;
  }

  @Override
  public int emptyTrash() {
    return checked(send(request("/api/admin/trash").DELETE().build())).path("deleted").asInt();
  }

  /** One upload at a time never fills the server's slots; another client's may, briefly. */
  private HttpResponse<byte[]> sendRetryingWhenBusy(HttpRequest request) {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<byte[]> response = send(request);
      if (response.statusCode() != 503 || attempt == 20) return response;
      try {
        Thread.sleep(Duration.ofSeconds(Math.min(5, 1L << Math.min(attempt, 3))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return response;
      }
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<FrameEvent> listener) {
    return RemoteEvents.open(http, request("/api/events").timeout(Duration.ofDays(365)), listener);
  }

  @Override
  public String createToken(String name) {
    HttpResponse<byte[]> response = send(request("/api/admin/tokens").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("name", name).toString())).build());
    return checked(response).get("token").asText();
  }

  @Override
  public PairingOffer createPairing() {
    JsonNode made = checked(send(request("/api/admin/pairing").POST(HttpRequest.BodyPublishers.noBody()).build()));
    String link = made.get("link").asText();
    java.util.List<String> urls = new java.util.ArrayList<>();
    made.get("links").forEach(l -> urls.add(l.asText().substring(0, l.asText().indexOf("/#pair="))));
    return new PairingOffer(new frame.core.auth.Pairings.PairingCode(PairingLinks.codeIn(link),
        made.get("digits").asText(), java.time.Instant.parse(made.get("expiresAt").asText())), urls);
  }

  @Override
  public List<ApiTokens.TokenInfo> tokens() {
    return get("/api/admin/tokens", new TypeReference<>() {});
  }

  @Override
  public boolean revokeToken(String name) {
    HttpResponse<byte[]> response = send(request("/api/admin/tokens" + params("name", name)).DELETE().build());
    if (response.statusCode() == 404 && "token_not_found".equals(tree(response).path("error").path("code").asText())) {
      return false;
    }
    checked(response);
    return true;
  }

  @Override
  public void close() {
    http.shutdownNow(); // close() would wait for an open event stream
  }

  private <T> T get(String path, TypeReference<T> type) {
    JsonNode body = checked(send(request(path).GET().build()));
    return JSON.convertValue(body, type);
  }

  /** POSTs {@code body} as JSON (none when null) and reads the answer as {@code type}. */
  private <T> T post(String path, JsonNode body, Class<T> type) {
    HttpRequest.BodyPublisher json = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.toString());
    return JSON.convertValue(checked(send(request(path).header("Content-Type", "application/json").POST(json).build())), type);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + endpoint.credential());
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FrameException("interrupted", "Interrupted", true, e);
    }
  }

  FrameException unreachable(Exception e) {
    var refused = PinnedTls.refusal(e);
    if (refused.isPresent()) {
      return new FrameException("certificate_mismatch", refused.get() + " (the FRAME on " + config.dataDir()
          + ", pid " + endpoint.pid() + "). Nothing was sent.", true, e);
    }
    return new FrameException("frame_unreachable", "FRAME runs on " + config.dataDir() + " (pid " + endpoint.pid()
        + ") but its API on 127.0.0.1:" + endpoint.port() + " does not answer: " + e.getMessage(), true, e);
  }

  /** The body of a success; the server's own error, as the core would have thrown it, otherwise. */
  private static JsonNode checked(HttpResponse<byte[]> response) {
    JsonNode body = tree(response);
    if (response.statusCode() < 300) return body;
    JsonNode error = body.path("error");
    throw new FrameException(error.path("code").asText("http_" + response.statusCode()),
        error.path("message").asText("FRAME answered HTTP " + response.statusCode()), true);
  }

  private static JsonNode tree(HttpResponse<byte[]> response) {
    if (response.body().length == 0) return JSON.createObjectNode();
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static Image image(ImageDto dto) {
    return new Image(dto.id(), dto.sha256(), ImageState.valueOf(dto.status()), ImageFormat.valueOf(dto.format()),
        dto.width(), dto.height(), dto.byteSize(), dto.originalName(), dto.takenAt(), dto.cameraMake(),
        dto.cameraModel(), dto.failureReason(), dto.createdAt(), dto.updatedAt());
  }

  /** A query string of the non-null pairs, e.g. {@code ?status=FAILED&limit=50}. */
  private static String params(Object... pairs) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) query.add(pairs[i] + "=" + encode(pairs[i + 1].toString()));
    }
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
