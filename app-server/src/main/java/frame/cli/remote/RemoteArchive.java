package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import frame.core.api.Archive;
import frame.core.api.archive.ArchiveCopy;
import frame.core.api.archive.ArchiveStatus;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.FileHash;
import frame.core.api.archive.FreeReport;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.archive.SafeReport;
import frame.core.api.archive.ScrubReport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The archive port over a running FRAME's admin API ({@code /api/admin/archive...}). */
final class RemoteArchive implements Archive {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The calls it makes through the loopback client, with its token and error handling. */
  interface Http {
    JsonNode get(String path);

    JsonNode post(String path, JsonNode body);

    HttpResponse<byte[]> delete(String path);

    JsonNode checkedBody(HttpResponse<byte[]> response);
  }

  private final Http http;

  RemoteArchive(Http http) {
    this.http = http;
  }

  @Override
  public ArchiveStatus status() {
    return JSON.convertValue(http.get("/api/admin/archive"), ArchiveStatus.class);
  }

  @Override
  public long onePlaceOnly() {
    return status().onePlaceOnly();
  }

  @Override
  public ArchiveTarget add(NewArchiveTarget target) {
    ObjectNode body = JSON.createObjectNode();
    body.put("kind", target.kind().name());
    body.put("name", target.name());
    switch (target.kind()) {
      case FOLDER -> body.put("folder", target.location());
      case S3 -> {
        body.put("endpoint", target.location());
        body.put("bucket", target.bucket());
        body.put("prefix", target.prefix());
        body.put("region", target.region());
        if (target.credentials() != null) {
          body.put("accessKeyId", target.credentials().accessKeyId());
          body.put("secretAccessKey", target.credentials().secretAccessKey()); // to our own loopback API only
        }
      }
    }
    return JSON.convertValue(http.post("/api/admin/archive/targets", body), ArchiveTarget.class);
  }

  @Override
  public boolean remove(String name) {
    HttpResponse<byte[]> response = http.delete("/api/admin/archive/targets/"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    if (response.statusCode() == 404) return false;
    http.checkedBody(response);
    return true;
  }

  @Override
  public List<ArchiveCopy> copies(long imageId) {
    return JSON.convertValue(http.get("/api/images/" + imageId + "/copies").get("copies"), new TypeReference<>() {});
  }

  @Override
  public FreeReport free(int minCopies) {
    return JSON.convertValue(http.post("/api/admin/archive/free", JSON.createObjectNode().put("minCopies", minCopies)),
        FreeReport.class);
  }

  @Override
  public SafeReport safe(List<FileHash> files, int copies) {
    ObjectNode body = JSON.createObjectNode().put("copies", copies);
    ArrayNode list = body.putArray("files");
    for (FileHash file : files) list.addObject().put("name", file.name()).put("sha256", file.sha256()).put("size", file.size());
    return JSON.convertValue(http.post("/api/admin/archive/safe", body), SafeReport.class);
  }

  @Override
  public ScrubReport scrub(int samplePercent) {
    return JSON.convertValue(http.post("/api/admin/archive/scrub", JSON.createObjectNode().put("sample", samplePercent)),
        ScrubReport.class);
  }
}
