package frame.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import frame.core.api.Catalogue;
import frame.core.api.catalogue.BackupTaken;
import java.nio.file.Path;
import java.time.Instant;

/** {@link Catalogue} over {@code /api/admin/catalogue}: the running FRAME takes the backup itself. */
final class HttpCatalogue implements Catalogue {
  private final LoopbackClient api;

  HttpCatalogue(LoopbackClient api) {
    this.api = api;
  }

  @Override
  public BackupTaken backup(Path into) {
    JsonNode body = JsonNodeFactory.instance.objectNode().put("into", into.toAbsolutePath().normalize().toString());
    JsonNode taken = api.post("/api/admin/catalogue/backups", body, JsonNode.class);
    return new BackupTaken(Path.of(taken.get("folder").asText()), Instant.parse(taken.get("takenAt").asText()),
        taken.get("images").asLong(), taken.get("bytes").asLong());
  }

  @Override
  public int adoptOrphans() {
    return api.post("/api/admin/catalogue/adopt", null, JsonNode.class).get("adopted").asInt();
  }
}
