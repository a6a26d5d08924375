package frame.core.archive;

import frame.core.api.archive.ArchiveCopy;
import frame.core.api.archive.ArchiveTargetKind;
import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one place that knows the SQL of archive targets and their verified copies. */
final class ArchiveRepository {
  /** Photos whose renditions are made: what gets archived. */
  static final String ARCHIVABLE = "i.state IN ('PROCESSED', 'STORED') AND i.removed_at IS NULL";

  private final Jdbc jdbc;

  ArchiveRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Jdbc jdbc() {
    return jdbc;
  }

  List<TargetRecord> targets() {
    return jdbc.query("SELECT * FROM archive_target ORDER BY id", ArchiveRepository::target);
  }

  List<TargetRecord> targets(Tx tx) throws SQLException {
    return tx.query("SELECT * FROM archive_target ORDER BY id", ArchiveRepository::target);
  }

  Optional<TargetRecord> target(long id) {
    return jdbc.queryOne("SELECT * FROM archive_target WHERE id = ?", ArchiveRepository::target, id);
  }

  Optional<TargetRecord> target(String name) {
    return jdbc.queryOne("SELECT * FROM archive_target WHERE name = ?", ArchiveRepository::target, name);
  }

  long insert(Tx tx, TargetRecord target, Instant now) throws SQLException {
    return tx.insert("""
        INSERT INTO archive_target (name, kind, location, bucket, key_prefix, region, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """, target.name(), target.kind(), target.location(), target.bucket(), target.prefix(), target.region(),
        now.toEpochMilli());
  }

  boolean delete(Tx tx, long targetId) throws SQLException {
    tx.update("DELETE FROM archive_copy WHERE target_id = ?", targetId);
    return tx.update("DELETE FROM archive_target WHERE id = ?", targetId) == 1;
  }

  /** Records why the target cannot be used; keeps the first moment it went wrong. */
  void problem(long targetId, String problem, Instant now) {
    jdbc.update("""
        UPDATE archive_target SET problem = ?, problem_since = COALESCE(problem_since, ?), checked_at = ?
        WHERE id = ?
        """, problem, now.toEpochMilli(), now.toEpochMilli(), targetId);
  }

  void working(long targetId, Instant now) {
    jdbc.update("UPDATE archive_target SET problem = NULL, problem_since = NULL, checked_at = ? WHERE id = ?",
        now.toEpochMilli(), targetId);
  }

  /** Records a verified copy (again, after a rerun or a mend: the newest verification wins). */
  void recordCopy(long imageId, long targetId, String key, long size, String sha256, Instant verifiedAt, String how) {
    jdbc.inTransaction(tx -> {
      tx.update("DELETE FROM archive_copy WHERE image_id = ? AND target_id = ?", imageId, targetId);
      return tx.update("""
          INSERT INTO archive_copy (image_id, target_id, object_key, byte_size, sha256, verified_at, verified_how)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """, imageId, targetId, key, size, sha256, verifiedAt.toEpochMilli(), how);
    });
  }

  boolean forgetCopy(Tx tx, long imageId, long targetId) throws SQLException {
    return tx.update("DELETE FROM archive_copy WHERE image_id = ? AND target_id = ?", imageId, targetId) == 1;
  }

  /** Targets that hold a verified copy of the image, by id. */
  List<Long> targetsHolding(Tx tx, long imageId) throws SQLException {
    return tx.query("SELECT target_id FROM archive_copy WHERE image_id = ?", r -> r.getLong(1), imageId);
  }

  List<ArchiveCopy> copies(long imageId) {
    return jdbc.query("""
        SELECT t.name, c.* FROM archive_copy c JOIN archive_target t ON t.id = c.target_id
        WHERE c.image_id = ? ORDER BY t.id
        """, ArchiveRepository::copy, imageId);
  }

  /** A copy of one image on one target, with the key it was stored under. */
  record StoredCopy(long imageId, long targetId, String key, String sha256) {}

  List<StoredCopy> storedCopies(long imageId) {
    return jdbc.query("SELECT * FROM archive_copy WHERE image_id = ? ORDER BY target_id", r -> new StoredCopy(
        r.getLong("image_id"), r.getLong("target_id"), r.getString("object_key"), r.getString("sha256")), imageId);
  }

  /** Copies held per target id: count and bytes. */
  Map<Long, long[]> copyTotals() {
    return jdbc.query("SELECT target_id, COUNT(*), COALESCE(SUM(byte_size), 0) FROM archive_copy GROUP BY target_id",
        r -> Map.entry(r.getLong(1), new long[] {r.getLong(2), r.getLong(3)}))
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Archivable photos without a verified copy on the target. */
  long backlog(long targetId) {
    return jdbc.queryOne("SELECT COUNT(*) FROM image i WHERE " + ARCHIVABLE
        + " AND NOT EXISTS (SELECT 1 FROM archive_copy c WHERE c.image_id = i.id AND c.target_id = ?)",
        r -> r.getLong(1), targetId).orElse(0L);
  }

  List<Long> lackingCopy(Tx tx, long targetId) throws SQLException {
    return tx.query("SELECT i.id FROM image i WHERE " + ARCHIVABLE
        + " AND NOT EXISTS (SELECT 1 FROM archive_copy c WHERE c.image_id = i.id AND c.target_id = ?) ORDER BY i.id",
        r -> r.getLong(1), targetId);
  }

  /**
   * How many places each photo in the library (not in the trash) is in, counted by kind: the
   * local original while it is there and not found damaged, plus one per place holding a
   * verified copy ({@code places} groups targets that share one).
   */
  PlaceCounts placeCounts(Places places) {
    return jdbc.queryOne("""
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN p.is_local + p.copies = 0 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN p.is_local + p.copies = 1 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN p.is_local + p.copies = 1 AND p.state = 'FAILED' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN p.is_local = 1 AND p.copies = 0 AND p.state <> 'FAILED' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN p.is_local = 1 AND p.copies = 0 AND p.state <> 'FAILED' AND p.coming = 1
                                 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN p.is_local = 0 AND p.copies = 1 AND p.state <> 'FAILED' THEN 1 ELSE 0 END), 0)
        FROM (SELECT i.state,
                     CASE WHEN i.original_freed_at IS NULL AND i.original_damaged_at IS NULL THEN 1 ELSE 0 END
                       AS is_local,
                     (SELECT COUNT(DISTINCT %s) FROM archive_copy c WHERE c.image_id = i.id) AS copies,
                     -- a copy is coming: the photo is still being processed, or a copy job waits or runs
                     CASE WHEN i.state IN ('UPLOADED', 'INGESTED', 'PROCESSING') OR EXISTS (
                            SELECT 1 FROM job j WHERE j.image_id = i.id AND j.type = 'ARCHIVE_ORIGINAL'
                              AND j.state IN ('PENDING', 'RUNNING')) THEN 1 ELSE 0 END AS coming
              FROM image i WHERE i.removed_at IS NULL) p
        """.formatted(places.sql("c.target_id")),
        r -> new PlaceCounts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6),
            r.getLong(7))).orElse(new PlaceCounts(0, 0, 0, 0, 0, 0, 0));
  }

  /**
   * Photos in the library by how many places hold them. {@code localOnly}: on this computer only
   * (not FAILED), of which {@code copyComing} have a copy queued or still to be queued.
   */
  record PlaceCounts(long photos, long nowhere, long onePlaceOnly, long failed, long localOnly, long copyComing,
      long archiveOnly) {
    /** On this computer only, with no copy coming: the copy job failed or was cancelled. */
    long copyFailed() {
      return localOnly - copyComing;
    }
  }

  /** Photos in the library with no good copy anywhere: no local original (freed, or found damaged) and no copy. */
  List<Image> withoutGoodCopy() {
    return jdbc.query("""
        SELECT i.* FROM image i WHERE i.removed_at IS NULL
          AND (i.original_freed_at IS NOT NULL OR i.original_damaged_at IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM archive_copy c WHERE c.image_id = i.id)
        ORDER BY i.id
        """, ImageRepository::map);
  }

  long count(String state) {
    return jdbc.queryOne("SELECT COUNT(*) FROM image WHERE removed_at IS NULL AND state = ?", r -> r.getLong(1), state)
        .orElse(0L);
  }

  /** The photo with these exact bytes (by SHA-256), whether its local original is freed or found damaged, and the targets holding a verified copy. */
  record Holding(long imageId, String sha256, boolean localFreed, boolean localDamaged, List<Long> targetIds) {}

  Optional<Holding> holding(String sha256) {
    return jdbc.queryOne("""
        SELECT id, original_freed_at, original_damaged_at FROM image WHERE sha256 = ? AND removed_at IS NULL
        """, r -> new Holding(r.getLong(1), sha256, Jdbc.nullableLong(r, "original_freed_at") != null,
            Jdbc.nullableLong(r, "original_damaged_at") != null, List.of()), sha256)
        .map(held -> new Holding(held.imageId(), sha256, held.localFreed(), held.localDamaged(), jdbc.query(
            "SELECT target_id FROM archive_copy WHERE image_id = ? AND sha256 = ? ORDER BY target_id",
            r -> r.getLong(1), held.imageId(), sha256)));
  }

  /** A photo's marks, shoot and removal, as its sidecar carries them. */
  Sidecar.Marks sidecarMarks(long imageId) {
    return jdbc.queryOne("""
        SELECT i.rating, i.flag, i.label, i.removed_at, s.name AS shoot_name, s.source AS shoot_source,
               s.created_at AS shoot_created
        FROM image i LEFT JOIN shoot s ON s.id = i.shoot_id WHERE i.id = ?
        """, r -> {
          Integer rating = Jdbc.nullableInt(r, "rating");
          String flag = r.getString("flag");
          String label = r.getString("label");
          Long removed = Jdbc.nullableLong(r, "removed_at");
          String shoot = r.getString("shoot_name");
          return new Sidecar.Marks(rating == null ? 0 : rating,
              flag == null ? null : frame.core.api.culling.Flag.valueOf(flag.strip()),
              label == null ? null : frame.core.api.culling.ColorLabel.valueOf(label.strip()),
              shoot == null ? null : new ArchivedPhoto.ArchivedShoot(shoot,
                  frame.core.api.culling.ShootSource.valueOf(r.getString("shoot_source").strip()),
                  Instant.ofEpochMilli(r.getLong("shoot_created"))),
              removed == null ? null : Instant.ofEpochMilli(removed));
        }, imageId).orElse(Sidecar.Marks.NONE);
  }

  /** Whether a target already holds a recorded copy under this key (a recover that ran before). */
  boolean holdsKey(long targetId, String key) {
    return jdbc.queryOne("SELECT COUNT(*) FROM archive_copy WHERE target_id = ? AND object_key = ?",
        r -> r.getLong(1), targetId, key).orElse(0L) > 0;
  }

  /** Records a verified copy inside the caller's transaction (a recovered photo's), freed when not downloaded. */
  void recordCopy(Tx tx, long imageId, long targetId, String key, long size, String sha256, Instant verifiedAt,
      String how, boolean freed) throws SQLException {
    tx.update("DELETE FROM archive_copy WHERE image_id = ? AND target_id = ?", imageId, targetId);
    tx.update("""
        INSERT INTO archive_copy (image_id, target_id, object_key, byte_size, sha256, verified_at, verified_how)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """, imageId, targetId, key, size, sha256, verifiedAt.toEpochMilli(), how);
    if (freed) tx.update("UPDATE image SET original_freed_at = ? WHERE id = ?", verifiedAt.toEpochMilli(), imageId);
  }

  boolean isFreed(long imageId) {
    return jdbc.queryOne("SELECT COUNT(*) FROM image WHERE id = ? AND original_freed_at IS NOT NULL",
        r -> r.getLong(1), imageId).orElse(0L) > 0;
  }

  /** Photos with a local original and verified copies in at least {@code minCopies} places. */
  List<Image> freeable(int minCopies, Places places) {
    return jdbc.query("SELECT i.* FROM image i WHERE " + ARCHIVABLE + " AND i.original_freed_at IS NULL"
        + " AND " + copyPlaces(places) + " >= ? ORDER BY i.id", ImageRepository::map, minCopies);
  }

  int countLocalWithFewerCopies(int minCopies, Places places) {
    return jdbc.queryOne("SELECT COUNT(*) FROM image i WHERE " + ARCHIVABLE + " AND i.original_freed_at IS NULL"
        + " AND " + copyPlaces(places) + " < ?", r -> r.getInt(1), minCopies).orElse(0);
  }

  /** Marks the local original freed, only while copies in enough places are still recorded. */
  boolean markFreed(long imageId, int minCopies, Places places, Instant now) {
    return jdbc.update("UPDATE image i SET original_freed_at = ? WHERE i.id = ? AND i.original_freed_at IS NULL AND "
        + copyPlaces(places) + " >= ?", now.toEpochMilli(), imageId, minCopies) == 1;
  }

  /** How many places hold a verified copy of photo {@code i}: two targets on one folder are one. */
  private static String copyPlaces(Places places) {
    return "(SELECT COUNT(DISTINCT " + places.sql("c.target_id") + ") FROM archive_copy c WHERE c.image_id = i.id)";
  }

  boolean isDamaged(long imageId) {
    return jdbc.queryOne("SELECT COUNT(*) FROM image WHERE id = ? AND original_damaged_at IS NOT NULL",
        r -> r.getLong(1), imageId).orElse(0L) > 0;
  }

  /** Records that a scrub found the local original damaged and could not mend it; an import of its bytes reads it. */
  void markDamaged(long imageId, Instant now) {
    jdbc.update("UPDATE image SET original_damaged_at = COALESCE(original_damaged_at, ?) WHERE id = ?",
        now.toEpochMilli(), imageId);
  }

  void markMended(long imageId) {
    jdbc.update("UPDATE image SET original_damaged_at = NULL WHERE id = ?", imageId);
  }

  void markRestored(long imageId) {
    jdbc.update("UPDATE image SET original_freed_at = NULL WHERE id = ?", imageId);
  }

  /** Archivable photos, for a scrub. */
  List<Image> archivable() {
    return jdbc.query("SELECT i.* FROM image i WHERE " + ARCHIVABLE + " ORDER BY i.id", ImageRepository::map);
  }

  private static TargetRecord target(ResultSet r) throws SQLException {
    Long since = Jdbc.nullableLong(r, "problem_since");
    return new TargetRecord(r.getLong("id"), r.getString("name"), ArchiveTargetKind.valueOf(r.getString("kind")),
        r.getString("location"), r.getString("bucket"), r.getString("key_prefix"), r.getString("region"),
        r.getString("problem"), since == null ? null : Instant.ofEpochMilli(since));
  }

  private static ArchiveCopy copy(ResultSet r) throws SQLException {
    return new ArchiveCopy(r.getString("name"), r.getString("object_key"), r.getLong("byte_size"),
        r.getString("sha256").trim(), Instant.ofEpochMilli(r.getLong("verified_at")), r.getString("verified_how"));
  }
}
