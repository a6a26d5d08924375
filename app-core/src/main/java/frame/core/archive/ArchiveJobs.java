package frame.core.archive;

import frame.core.db.Jdbc.Tx;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobPriority;
import frame.core.job.JobRepository;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.job.NewJob;
import frame.core.pipeline.ArchiveSteps;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves photos between PROCESSED and STORED as copies are made, targets come and go, and copies
 * are lost, and queues the {@code ARCHIVE_ORIGINAL} jobs that are missing, at background priority.
 */
final class ArchiveJobs implements ArchiveSteps {
  private final ArchiveRepository archive;
  private final ImageRepository images;
  private final JobRepository jobs;

  ArchiveJobs(ArchiveRepository archive, ImageRepository images, JobRepository jobs) {
    this.archive = archive;
    this.images = images;
    this.jobs = jobs;
  }

  @Override
  public void processed(Tx tx, long imageId, Instant now, List<FrameEvent> events) throws SQLException {
    settle(tx, imageId, now, events);
  }

  @Override
  public void archived(Tx tx, Job job, Instant now, List<FrameEvent> events) throws SQLException {
    images.lock(tx, job.imageId(), now);
    settle(tx, job.imageId(), now, events);
  }

  /**
   * Puts one image where its copies say (the caller holds its row lock): STORED when every target
   * holds a verified copy, else PROCESSED with a job queued for each target still missing one.
   */
  void settle(Tx tx, long imageId, Instant now, List<FrameEvent> events) throws SQLException {
    Image image = images.find(tx, imageId).orElse(null);
    if (image == null || !image.state().isProcessed()) return;
    List<TargetRecord> targets = archive.targets(tx);
    Set<Long> holding = new HashSet<>(archive.targetsHolding(tx, imageId));
    List<TargetRecord> missing = targets.stream().filter(t -> !holding.contains(t.id())).toList();
    if (!targets.isEmpty() && missing.isEmpty()) {
      move(tx, image, ImageState.STORED, now, events);
      return;
    }
    move(tx, image, ImageState.PROCESSED, now, events);
    Map<String, Job> earlier = new HashMap<>();
    for (Job job : jobs.forImage(tx, imageId)) {
      if (job.type() == JobType.ARCHIVE_ORIGINAL) earlier.put(job.payload(), job);
    }
    for (TargetRecord target : missing) {
      String payload = ArchiveHandler.payload(imageId, target.id());
      Job before = earlier.get(payload);
      if (before != null && before.state().isActive()) continue;
      long id = before == null
          ? jobs.enqueue(tx, new NewJob(JobType.ARCHIVE_ORIGINAL, imageId, payload, NewJob.DEFAULT_MAX_ATTEMPTS,
              JobPriority.BACKGROUND), now)
          : again(tx, before, now); // its copy was lost after it completed: the same job runs once more
      events.add(new FrameEvent.JobChanged(id, imageId, JobType.ARCHIVE_ORIGINAL, JobState.PENDING));
    }
  }

  private static long again(Tx tx, Job job, Instant now) throws SQLException {
    tx.update("""
        UPDATE job SET state = 'PENDING', run_after = ?, max_attempts = attempts + ?,
                       max_interruptions = interruptions + ?, completed_at = NULL, lease_until = NULL,
                       last_error = NULL, updated_at = ?
        WHERE id = ? AND state <> 'PENDING' AND state <> 'RUNNING'
        """, now.toEpochMilli(), NewJob.DEFAULT_MAX_ATTEMPTS, NewJob.DEFAULT_MAX_INTERRUPTIONS, now.toEpochMilli(),
        job.id());
    return job.id();
  }

  /** After a target was added or removed: every archivable photo settled again. */
  int settleAll(Tx tx, List<Long> imageIds, Instant now, List<FrameEvent> events) throws SQLException {
    for (long id : imageIds) settle(tx, id, now, events);
    return imageIds.size();
  }

  private void move(Tx tx, Image image, ImageState to, Instant now, List<FrameEvent> events) throws SQLException {
    if (image.state() == to) return;
    if (images.transition(tx, image.id(), image.state(), to, null, now)) events.add(new FrameEvent.ImageChanged(image.id(), to));
  }
}
