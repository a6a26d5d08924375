package frame.core.testing;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobType;
import frame.core.db.Jdbc;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A library of many photos in seconds: image rows written straight into the database, as a big
 * import would leave them (processed, no files), each with the completed jobs that import ran: a
 * library at rest, whose opening queues no work (a photo lacking its analysis jobs gets them queued
 * at each start). For tests of how front ends cope with size, not of the pipeline.
 */
public final class LargeLibrary {
  private LargeLibrary() {}

  /**
   * The jobs an import ran for each photo, all left completed: six, as in a library imported before
   * culling's analysis moved into the preview job (four now), the heavier job table.
   */
  private static final List<JobType> DONE = List.of(JobType.OFFLOAD_ORIGINAL, JobType.THUMBNAIL_GENERATION,
      JobType.PREVIEW_GENERATION, JobType.EXIF_ENRICHMENT, JobType.PERCEPTUAL_HASH, JobType.SHARPNESS);

  /** Adds {@code count} processed photos named photo-00001.jpg ...; every 10th has no date taken. */
  public static void seed(Frame frame, int count) {
    long now = System.currentTimeMillis();
    FrameTestAccess.database(frame).jdbc().inTransaction(tx -> {
      for (int from = 0; from < count; from += 1000) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = from; i < Math.min(count, from + 1000); i++) {
          rows.add(new Object[] {"%064x".formatted(0xf000000L + i), "PROCESSED", "JPEG", 6000, 4000, 8_000_000L,
              "photo-%05d.jpg".formatted(i + 1), i % 10 == 0 ? null : "2024:05:%02d 10:%02d:%02d".formatted(1 + i % 28, i / 60 % 60, i % 60),
              "FRAME", "Seeder", now + i, now + i});
        }
        tx.updateEach("""
            INSERT INTO image (sha256, state, format, width, height, byte_size, original_name, taken_at,
                               camera_make, camera_model, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, rows);
      }
      List<Long> seeded = tx.query("SELECT id FROM image WHERE camera_model = 'Seeder' AND created_at >= ? ORDER BY id",
          r -> r.getLong(1), now);
      List<Object[]> jobs = new ArrayList<>();
      for (long id : seeded) {
        for (JobType type : DONE) {
          int priority = (type.isAnalysis() ? JobPriority.BACKGROUND : JobPriority.FRESH).rank();
          jobs.add(new Object[] {type.name(), id, "{\"imageId\":" + id + "}", priority, now, now, now, now});
        }
        if (jobs.size() >= 6000) insertDone(tx, jobs);
      }
      insertDone(tx, jobs);
      return null;
    });
  }

  private static void insertDone(Jdbc.Tx tx, List<Object[]> jobs) throws SQLException {
    if (jobs.isEmpty()) return;
    tx.updateEach("""
        INSERT INTO job (type, image_id, payload, state, attempts, max_attempts, interruptions, max_interruptions,
                         priority, run_after, lease_token, created_at, updated_at, completed_at)
        VALUES (?, ?, ?, 'COMPLETED', 1, 3, 0, 3, ?, ?, 0, ?, ?, ?)
        """, jobs);
    jobs.clear();
  }
}
