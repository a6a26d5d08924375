package frame.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import frame.core.api.Catalogue;
import frame.core.api.FrameException;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.catalogue.BackupTaken;
import frame.core.api.catalogue.Recovered;
import frame.core.api.catalogue.RecoveryProgress;
import java.util.function.Consumer;
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

  /**
   * A recover rebuilds a library this process opens itself (its runner makes the renditions while
   * it waits): it is not asked of a FRAME running elsewhere.
   */
  @Override
  public Recovered recover(NewArchiveTarget archive, boolean download, Consumer<RecoveryProgress> progress) {
    throw new FrameException("recover_needs_the_folder", "A FRAME is running on this data folder: stop it, then run"
        + " frame recover, which opens the folder itself", true);
  }
}
