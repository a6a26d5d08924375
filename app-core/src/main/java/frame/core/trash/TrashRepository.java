package frame.core.trash;

import frame.core.api.trash.TrashedPhoto;

import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import frame.core.api.culling.Tombstone;

/** The one place that knows trash SQL: the removed mark on an image, and files still to purge. */
final class TrashRepository {
  private final Jdbc jdbc;

  TrashRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  boolean markRemoved(Tx tx, long imageId, Instant now) throws SQLException {
    return tx.update("UPDATE image SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
        now.toEpochMilli(), imageId) == 1;
  }

  boolean clearRemoved(Tx tx, long imageId) throws SQLException {
    return tx.update("UPDATE image SET removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL", imageId) == 1;
  }

  boolean isRemoved(long imageId) {
    return jdbc.queryOne("SELECT removed_at FROM image WHERE id = ?", r -> r.getObject(1) != null, imageId)
        .orElse(false);
  }

  List<TrashedPhoto> removed() {
    return jdbc.query("SELECT * FROM image WHERE removed_at IS NOT NULL ORDER BY removed_at DESC, id DESC",
        r -> new TrashedPhoto(ImageRepository.map(r), Instant.ofEpochMilli(r.getLong("removed_at"))));
  }

  List<Image> removedBefore(long cutoffMillis) {
    return jdbc.query("SELECT * FROM image WHERE removed_at IS NOT NULL AND removed_at <= ? ORDER BY id",
        ImageRepository::map, cutoffMillis);
  }

  boolean hasRunningJob(Tx tx, long imageId) throws SQLException {
    // culling's analysis may be cut short: it only reads the preview and writes the photo's own row
    return tx.count("SELECT COUNT(*) FROM job WHERE image_id = ? AND state = 'RUNNING'"
        + " AND type NOT IN ('PERCEPTUAL_HASH', 'SHARPNESS')", imageId) > 0;
  }

  /** Deletes a removed image's rows and queues its files, in the caller's transaction. */
  boolean deleteRows(Tx tx, Image image, Instant now) throws SQLException {
    tx.update("DELETE FROM job_attempt WHERE job_id IN (SELECT id FROM job WHERE image_id = ?)", image.id());
    tx.update("DELETE FROM job WHERE image_id = ?", image.id());
    tx.update("DELETE FROM image_exif WHERE image_id = ?", image.id());
    if (tx.update("DELETE FROM image WHERE id = ? AND removed_at IS NOT NULL", image.id()) != 1) return false;
    // the tombstone: the same bytes imported again are skipped ("deleted on DATE")
    tx.update("DELETE FROM tombstone WHERE sha256 = ?", image.sha256());
    tx.update("INSERT INTO tombstone (sha256, original_name, deleted_at) VALUES (?, ?, ?)",
        image.sha256(), image.originalName(), now.toEpochMilli());
    if (tx.count("SELECT COUNT(*) FROM file_purge WHERE sha256 = ?", image.sha256()) == 0) {
      tx.update("INSERT INTO file_purge (sha256, format, queued_at) VALUES (?, ?, ?)",
          image.sha256(), image.format(), now.toEpochMilli());
    }
    return true;
  }

  List<Tombstone> tombstones() {
    return jdbc.query("SELECT * FROM tombstone ORDER BY deleted_at DESC, sha256", TrashRepository::tombstone);
  }

  Optional<Tombstone> tombstone(String sha256) {
    return jdbc.queryOne("SELECT * FROM tombstone WHERE sha256 = ?", TrashRepository::tombstone, sha256);
  }

  private static Tombstone tombstone(java.sql.ResultSet r) throws SQLException {
    return new Tombstone(r.getString("sha256").trim(), r.getString("original_name"),
        Instant.ofEpochMilli(r.getLong("deleted_at")));
  }

  List<Image> removedAmong(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) return List.of();
    String marks = String.join(", ", ids.stream().map(id -> "?").toList());
    return jdbc.query("SELECT * FROM image WHERE removed_at IS NOT NULL AND id IN (" + marks + ") ORDER BY id",
        ImageRepository::map, ids.toArray());
  }

  record Purge(String sha256, String format) {}

  List<Purge> purges() {
    return jdbc.query("SELECT sha256, format FROM file_purge ORDER BY queued_at",
        r -> new Purge(r.getString(1).trim(), r.getString(2)));
  }

  /** A purge is done; also when the same photo was imported again meanwhile (its row exists). */
  void purged(String sha256) {
    jdbc.update("DELETE FROM file_purge WHERE sha256 = ?", sha256);
  }

  boolean imageWithSha256Exists(String sha256) {
    return jdbc.queryOne("SELECT COUNT(*) FROM image WHERE sha256 = ?", r -> r.getLong(1), sha256).orElse(0L) > 0;
  }
}
