package frame.core.culling;

import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobType;
import frame.core.db.Jdbc;
import frame.core.job.JobRepository;
import frame.core.job.NewJob;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Queues the analysis jobs photos never had (imported while analysis was off), at background
 * priority: photos whose preview is made, in the library, without that measure and with no job of
 * that type at all. A failed analysis is not tried again here; {@code frame regenerate} does that.
 */
public final class MissingAnalysis {
  private final Jdbc jdbc;
  private final JobRepository jobs;
  private final Clock clock;
  private final Runnable wake;

  public MissingAnalysis(Jdbc jdbc, JobRepository jobs, Clock clock, Runnable wake) {
    this.jdbc = jdbc;
    this.jobs = jobs;
    this.clock = clock;
    this.wake = wake;
  }

  /** How many photos got at least one job. */
  public int queue() {
    Instant now = clock.instant();
    java.util.Set<Long> photos = new java.util.HashSet<>();
    for (JobType type : JobType.ANALYSIS) {
      // the preview's job measures both without a job of either type: its measure tells
      String measure = type == JobType.PERCEPTUAL_HASH ? "perceptual_hash" : "sharpness";
      List<Long> lacking = jdbc.query("""
          SELECT i.id FROM image i
          WHERE i.removed_at IS NULL AND i.state IN ('PROCESSED', 'STORED') AND i.%s IS NULL
            AND NOT EXISTS (SELECT 1 FROM job j WHERE j.image_id = i.id AND j.type = ?)
          ORDER BY i.id
          """.formatted(measure), r -> r.getLong(1), type.name());
      for (int from = 0; from < lacking.size(); from += 500) {
        List<Long> chunk = lacking.subList(from, Math.min(lacking.size(), from + 500));
        jdbc.inTransaction(tx -> {
          for (long id : chunk) {
            // another node starting at the same moment may have queued it since the look
            if (!jobs.exists(tx, id, type)) jobs.enqueue(tx, NewJob.forImage(type, id, JobPriority.BACKGROUND), now);
          }
          return null;
        });
      }
      photos.addAll(lacking);
    }
    if (!photos.isEmpty()) wake.run();
    return photos.size();
  }
}
