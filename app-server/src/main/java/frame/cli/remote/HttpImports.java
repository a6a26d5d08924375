package frame.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import frame.core.api.Imports;
import frame.core.api.devices.Caller;
import frame.core.api.culling.ImportBatch;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.library.Image;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link Imports} as uploads to {@code /api/upload}, one file a request. */
final class HttpImports implements Imports {
  private final LoopbackClient api;

  HttpImports(LoopbackClient api) {
    this.api = api;
  }

  @Override
  public IngestResult importFile(Path file, JobPriority priority, ImportBatch batch) {
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
    HttpResponse<byte[]> response = sendRetryingWhenBusy(api.request("/api/upload" + query(priority, batch))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build());
    JsonNode answer = LoopbackClient.tree(response);
    if (response.statusCode() >= 300) {
      JsonNode error = answer.path("error");
      return new IngestResult.Rejected(name, error.path("code").asText("upload_failed"),
          error.path("message").asText("HTTP " + response.statusCode()));
    }
    String storedName = answer.path("name").asText(name);
    if (answer.has("skipped")) {
      return new IngestResult.Skipped(storedName, java.time.Instant.parse(answer.path("skipped").path("deletedAt").asText()));
    }
    Image image = LoopbackClient.image(answer.get("image"));
    if (answer.path("restored").asBoolean()) return new IngestResult.Restored(storedName, image);
    return answer.path("duplicate").asBoolean()
        ? new IngestResult.Duplicate(storedName, image) : new IngestResult.Stored(storedName, image);
  }

  /** The upload's priority and shoot as query parameters. */
  private static String query(JobPriority priority, ImportBatch batch) {
    StringBuilder query = new StringBuilder("?priority=").append(priority == JobPriority.BULK ? "bulk" : "fresh");
    if (batch.shootName() != null) {
      query.append("&shoot=").append(java.net.URLEncoder.encode(batch.shootName(), StandardCharsets.UTF_8))
          .append("&source=").append(batch.source().name());
    }
    if (batch.includeDeleted()) query.append("&includeDeleted=true");
    return query.toString();
  }

  /** One upload at a time never fills the server's slots; another client's may, briefly. */
  private HttpResponse<byte[]> sendRetryingWhenBusy(HttpRequest request) {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<byte[]> response = api.send(request);
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
  public IngestResult ingest(InputStream in, String name, String declaredSha256) {
    throw LoopbackClient.notOverTheApi("Importing a stream");
  }

  @Override
  public IngestResult ingestWithChecksumAfter(InputStream in, String name, Supplier<String> declaredAfterTheBytes,
      JobPriority priority, ImportBatch batch) {
    throw LoopbackClient.notOverTheApi("Importing a stream");
  }

  @Override
  public IngestResult ingestWithChecksumAfter(InputStream in, String name, Supplier<String> declaredAfterTheBytes,
      JobPriority priority, ImportBatch batch, Caller uploader) {
    throw LoopbackClient.notOverTheApi("Importing a stream");
  }

  @Override
  public IngestResult ingestHashedFile(Path file, String name, String sha256, JobPriority priority, ImportBatch batch,
      Caller uploader) {
    throw LoopbackClient.notOverTheApi("Importing a received file");
  }
}
