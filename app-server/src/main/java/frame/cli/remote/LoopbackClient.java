package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import frame.core.api.FrameException;
import frame.core.api.config.FrameConfig;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.server.LocalEndpoint;
import frame.server.tls.Fingerprint;
import frame.server.dto.ImageDto;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * The loopback API of the FRAME running on a data folder, with the credential it published
 * ({@link LocalEndpoint}): requests, and the server's errors turned back into the
 * {@link FrameException} the core would have thrown.
 */
final class LoopbackClient implements AutoCloseable {
  private static final String KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";
  static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  static {
    // The JDK keeps an idle connection as long as the server does (30 s): a request sent on one the
    // server is closing that moment gets no answer, and a POST is not retried. Give ours up first.
    if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) System.setProperty(KEEP_ALIVE_PROPERTY, "20");
  }

  private final LocalEndpoint.Published endpoint;
  private final FrameConfig config;
  private final HttpClient http;

  LoopbackClient(LocalEndpoint.Published endpoint, FrameConfig config) {
    this.endpoint = endpoint;
    this.config = config;
    // over HTTPS, trust exactly the certificate the running FRAME wrote in its endpoint file
    this.http = endpoint.https() ? PinnedTls.client(Fingerprint.parse(endpoint.fingerprint()), Duration.ofSeconds(5))
        : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  FrameConfig config() {
    return config;
  }

  HttpClient http() {
    return http;
  }

  <T> T get(String path, TypeReference<T> type) {
    return JSON.convertValue(checked(send(request(path).GET().build())), type);
  }

  /** POSTs {@code body} as JSON (none when null) and reads the answer as {@code type}. */
  <T> T post(String path, JsonNode body, Class<T> type) {
    HttpRequest.BodyPublisher json = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.toString());
    return JSON.convertValue(checked(send(request(path).header("Content-Type", "application/json").POST(json).build())), type);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + endpoint.credential());
  }

  HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      var refused = PinnedTls.refusal(e);
      if (refused.isPresent()) {
        throw new FrameException("certificate_mismatch", refused.get() + " (the FRAME on " + config.dataDir()
            + ", pid " + endpoint.pid() + "). Nothing was sent.", true, e);
      }
      throw new FrameException("frame_unreachable", "FRAME runs on " + config.dataDir() + " (pid " + endpoint.pid()
          + ") but its API on 127.0.0.1:" + endpoint.port() + " does not answer: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FrameException("interrupted", "Interrupted", true, e);
    }
  }

  /** The body of a success; the server's own error, as the core would have thrown it, otherwise. */
  static JsonNode checked(HttpResponse<byte[]> response) {
    JsonNode body = tree(response);
    if (response.statusCode() < 300) return body;
    JsonNode error = body.path("error");
    throw new FrameException(error.path("code").asText("http_" + response.statusCode()),
        error.path("message").asText("FRAME answered HTTP " + response.statusCode()), true);
  }

  static JsonNode tree(HttpResponse<byte[]> response) {
    if (response.body().length == 0) return JSON.createObjectNode();
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  static Image image(JsonNode dto) {
    return image(JSON.convertValue(dto, ImageDto.class));
  }

  static Image image(ImageDto dto) {
    return new Image(dto.id(), dto.sha256(), ImageState.valueOf(dto.status()), ImageFormat.valueOf(dto.format()),
        dto.width(), dto.height(), dto.byteSize(), dto.originalName(), dto.takenAt(), dto.cameraMake(),
        dto.cameraModel(), dto.failureReason(), dto.createdAt(), dto.updatedAt());
  }

  /** What the loopback API does not offer: a clear error, never a guess. */
  static FrameException notOverTheApi(String what) {
    return new FrameException("not_over_the_api", what + " is not offered by the API of a running FRAME; "
        + "stop it, or use its window", true);
  }

  /** A query string of the non-null pairs, e.g. {@code ?status=FAILED&limit=50}. */
  static String params(Object... pairs) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) query.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1].toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return query.toString();
  }

  @Override
  public void close() {
    http.shutdownNow(); // close() would wait for an open event stream
  }
}
