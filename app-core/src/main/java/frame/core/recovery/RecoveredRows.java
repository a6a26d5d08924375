package frame.core.recovery;

import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobType;
import frame.core.api.library.ImageState;
import frame.core.archive.ArchivedPhoto;
import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import frame.core.image.ImageRepository;
import frame.core.image.ImageRepository.NewImage;
import frame.core.job.JobRepository;
import frame.core.job.NewJob;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The SQL of putting one recovered photo back: its image row (with the import time its sidecar
 * gives), its shoot and marks, and its first job, all in the caller's transaction; and the
 * tombstone of a photo its sidecar says was removed.
 */
final class RecoveredRows {
  private final Jdbc jdbc;
  private final ImageRepository images;
  private final JobRepository jobs;

  RecoveredRows(Jdbc jdbc, ImageRepository images, JobRepository jobs) {
    this.jdbc = jdbc;
    this.images = images;
    this.jobs = jobs;
  }

  Jdbc jdbc() {
    return jdbc;
  }

  /** The new image's id and its first job's. */
  long[] insert(Tx tx, NewImage image, ArchivedPhoto marks, Instant importedAt, Instant now) throws SQLException {
    long imageId = images.insert(tx, image, importedAt);
    Long shootId = marks.shoot() == null ? null : shoot(tx, marks.shoot(), importedAt);
    tx.update("UPDATE image SET rating = ?, flag = ?, label = ?, shoot_id = ? WHERE id = ?",
        marks.rating() == 0 ? null : marks.rating(), marks.flag(), marks.label(), shootId, imageId);
    long jobId = jobs.enqueue(tx, NewJob.forImage(JobType.OFFLOAD_ORIGINAL, imageId, JobPriority.BULK), now);
    return new long[] {imageId, jobId};
  }

  /** The shoot of this name, source and start: the one an earlier recovered photo made, or a new one. */
  private static long shoot(Tx tx, ArchivedPhoto.ArchivedShoot shoot, Instant importedAt) throws SQLException {
    long createdAt = (shoot.createdAt() == null ? importedAt : shoot.createdAt()).toEpochMilli();
    var found = tx.queryOne("SELECT id FROM shoot WHERE name = ? AND source = ? AND created_at = ?",
        r -> r.getLong(1), shoot.name(), shoot.source(), createdAt);
    if (found.isPresent()) return found.get();
    return tx.insert("INSERT INTO shoot (name, source, created_at) VALUES (?, ?, ?)", shoot.name(), shoot.source(),
        createdAt);
  }

  /** Keeps a removed photo deleted: the same card imported again skips it, as before the loss. */
  boolean tombstone(String sha256, String name, Instant removedAt) {
    return jdbc.inTransaction(tx -> {
      if (tx.count("SELECT COUNT(*) FROM tombstone WHERE sha256 = ?", sha256) > 0) return false;
      tx.update("INSERT INTO tombstone (sha256, original_name, deleted_at) VALUES (?, ?, ?)", sha256, name,
          removedAt.toEpochMilli());
      return true;
    });
  }

  /** Photos whose renditions are still to be made (or being made). */
  long unfinished() {
    return jdbc.queryOne("SELECT COUNT(*) FROM image WHERE state IN (?, ?, ?) AND removed_at IS NULL",
        r -> r.getLong(1), ImageState.UPLOADED, ImageState.INGESTED, ImageState.PROCESSING).orElse(0L);
  }

  long count(ImageState state) {
    return images.count(state);
  }

  long photos() {
    return jdbc.queryOne("SELECT COUNT(*) FROM image", r -> r.getLong(1)).orElse(0L);
  }
}
