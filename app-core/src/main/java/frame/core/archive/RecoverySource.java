package frame.core.archive;

import frame.core.db.Jdbc.Tx;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One archive target as a recover reads it: the originals it holds, their sidecars and bytes, and
 * how a recovered photo's copy on it is recorded. The target is configured in the library being
 * recovered (added by the recover, or found there from an interrupted one).
 */
public final class RecoverySource {
  /** A sidecar as found beside an original: read, missing, or there but unreadable (and why). */
  public sealed interface Found {
    record Read(ArchivedPhoto photo) implements Found {}

    record Missing() implements Found {}

    record Unreadable(String reason) implements Found {}
  }

  private final ArchiveRepository archive;
  private final Target target;
  private final TargetRecord record;

  RecoverySource(ArchiveRepository archive, Target target, TargetRecord record) {
    this.archive = archive;
    this.target = target;
    this.record = record;
  }

  /** The target's name in the library. */
  public String name() {
    return record.name();
  }

  /** Where it is, as a person reads it. */
  public String where() {
    return record.where();
  }

  /** Every original the target holds, by key, in a stable order. */
  public List<String> originals() throws IOException {
    return target.originalKeys();
  }

  public Found sidecar(String key) {
    try {
      Optional<byte[]> bytes = target.sidecar(key);
      if (bytes.isEmpty()) return new Found.Missing();
      return new Found.Read(Sidecar.read(bytes.get()));
    } catch (IllegalArgumentException e) {
      return new Found.Unreadable(e.getMessage());
    } catch (IOException e) {
      return new Found.Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** The original's bytes, from the target itself. */
  public InputStream open(String key) throws IOException {
    return target.read(key);
  }

  /** Whether a photo was already recovered from this key (by an earlier, interrupted run). */
  public boolean recovered(String key) {
    return archive.holdsKey(record.id(), key);
  }

  /**
   * Records the copy a recovered photo has on this target, verified by the recover's own read;
   * {@code freed} when its original stays on the archive only.
   */
  public void recordCopy(Tx tx, long imageId, String key, long size, String sha256, Instant verifiedAt, boolean freed)
      throws SQLException {
    archive.recordCopy(tx, imageId, record.id(), key, size, sha256, verifiedAt,
        "read whole from the target by frame recover, SHA-256 matched", freed);
  }
}
