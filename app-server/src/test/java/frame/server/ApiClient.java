package frame.server;

import frame.core.testing.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for a server on a loopback port. */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final int port;
  private final String token;

  ApiClient(int port, String token) {
    this.port = port;
    this.token = token;
  }

  ApiClient withToken(String other) {
    return new ApiClient(port, other);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    if (token != null) builder.header("Authorization", "Bearer " + token);
    return builder;
  }

  HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A GET whose body is read as it arrives (an event stream); close the body when done. */
  HttpResponse<InputStream> stream(String path) {
    try {
      return http.send(request(path).header("Accept", "text/event-stream").GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpResponse<byte[]> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<byte[]> method(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  /** A request with a JSON body. */
  HttpResponse<byte[]> sendJson(String method, String path, String body) {
    return send(request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
    }
  }

  HttpResponse<byte[]> upload(Multipart multipart) {
    return send(request("/api/upload").header("Content-Type", multipart.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())).build());
  }

  HttpResponse<byte[]> upload(String filename, byte[] bytes) {
    return upload(new Multipart().file(filename, bytes));
  }

  /** A hand-written request over a socket, for headers HttpClient will not send (Host, Origin). */
  RawResponse raw(String method, String path, Map<String, String> headers) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putIfAbsent("Host", "127.0.0.1:" + port);
      all.put("Connection", "close");
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(text.substring(9, 12));
      return new RawResponse(status, text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  record RawResponse(int status, String text) {
    boolean hasHeader(String name) {
      String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
      return head.toLowerCase().contains("\r\n" + name.toLowerCase() + ":");
    }
  }
}
