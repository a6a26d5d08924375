package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;

import frame.core.db.Jdbc.Tx;
import frame.core.api.FrameException;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An admin's operations on the queue: retry a failed or cancelled job, cancel a pending one, and
 * send an image's jobs back through the steps (regenerate). Every move follows
 * {@link JobState#canBecome}; the update is conditional on the state read, so a job a worker
 * claimed a moment ago is not cancelled behind its back.
 */
public final class JobControl {
  static final String CANCELLED_REASON = "cancelled by an admin";

  private final JobRepository jobs;
  private final JobLifecycle lifecycle;
  private final EventBus events;
  private final Clock clock;
  private final Runnable wake;

  public JobControl(JobRepository jobs, JobLifecycle lifecycle, EventBus events, Clock clock, Runnable wake) {
    this.jobs = jobs;
    this.lifecycle = lifecycle;
    this.events = events;
    this.clock = clock;
    this.wake = wake;
  }

  /**
   * A new run of a FAILED or CANCELLED job, due now. Its budgets are extended, not reset: it gets
   * {@value NewJob#DEFAULT_MAX_ATTEMPTS} more failed attempts and
   * {@value NewJob#DEFAULT_MAX_INTERRUPTIONS} more interruptions on top of what it spent, and its
   * history keeps every earlier run.
   */
  public Job retry(long id) {
    Job retried = inTransaction((tx, published) -> {
      Job job = jobs.find(tx, id).orElseThrow(() -> FrameException.jobNotFound(id));
      if (job.state() != JobState.FAILED && job.state() != JobState.CANCELLED) {
        throw conflict("job_not_retryable", "Job " + id + " is " + job.state() + ": only a failed or cancelled job can be retried");
      }
      return requeue(tx, job, job.priority(), published);
    });
    wake.run();
    return retried;
  }

  /** Takes a PENDING job out of the queue; its image, if any, ends FAILED ("cancelled by an admin"). */
  public Job cancel(long id) {
    return inTransaction((tx, published) -> {
      Job job = jobs.find(tx, id).orElseThrow(() -> FrameException.jobNotFound(id));
      if (!job.state().canBecome(JobState.CANCELLED)) {
        throw conflict("job_not_cancellable", "Job " + id + " is " + job.state() + ": only a pending job can be cancelled");
      }
      Instant now = clock.instant();
      int updated = tx.update("""
          UPDATE job SET state = 'CANCELLED', last_error = ?, completed_at = ?, updated_at = ?
          WHERE id = ? AND state = 'PENDING' AND lease_token = ?
          """, "Cancelled by an admin", now.toEpochMilli(), now.toEpochMilli(), id, job.leaseToken());
      if (updated == 0) throw conflict("job_not_cancellable", "Job " + id + " started meanwhile: only a pending job can be cancelled");
      published.add(new FrameEvent.JobChanged(id, job.imageId(), job.type(), JobState.CANCELLED));
      lifecycle.failed(tx, job, CANCELLED_REASON, now, published);
      return jobs.find(tx, id).orElseThrow();
    });
  }

  /**
   * Sends an image back through its steps: every ended job of it goes back to the queue at
   * background priority (behind fresh uploads), and the image goes back to processing. Jobs still
   * pending or running are left as they are. Returns the jobs sent back.
   */
  public List<Job> regenerate(long imageId) {
    List<Job> requeued = inTransaction((tx, published) -> {
      List<Job> ofImage = jobs.forImage(tx, imageId);
      if (ofImage.isEmpty()) throw FrameException.imageNotFound(imageId);
      Job offload = ofImage.stream().filter(j -> j.type() == JobType.OFFLOAD_ORIGINAL).findFirst().orElse(null);
      List<Job> sent = new ArrayList<>();
      if (offload != null && offload.state() != JobState.COMPLETED) {
        // the first step never finished: it enqueues the others when it does
        if (offload.state().isFinal()) sent.add(requeue(tx, offload, JobPriority.BACKGROUND, published));
        return sent;
      }
      for (Job job : ofImage) {
        if (job.type() != JobType.OFFLOAD_ORIGINAL && job.state().isFinal()) {
          sent.add(requeue(tx, job, JobPriority.BACKGROUND, published));
        }
      }
      return sent;
    });
    if (!requeued.isEmpty()) wake.run();
    return requeued;
  }

  private Job requeue(Tx tx, Job job, JobPriority priority, List<FrameEvent> published) throws SQLException {
    job.state().requireCanBecome(JobState.PENDING);
    Instant now = clock.instant();
    int updated = tx.update("""
        UPDATE job SET state = 'PENDING', run_after = ?, priority = ?, max_attempts = attempts + ?,
                       max_interruptions = interruptions + ?, completed_at = NULL, lease_until = NULL, updated_at = ?
        WHERE id = ? AND state = ? AND lease_token = ?
        """, now.toEpochMilli(), priority.rank(), NewJob.DEFAULT_MAX_ATTEMPTS, NewJob.DEFAULT_MAX_INTERRUPTIONS,
        now.toEpochMilli(), job.id(), job.state().name(), job.leaseToken());
    if (updated == 0) throw conflict("job_changed", "Job " + job.id() + " changed meanwhile; try again");
    Job pending = jobs.find(tx, job.id()).orElseThrow();
    published.add(new FrameEvent.JobChanged(job.id(), job.imageId(), job.type(), JobState.PENDING));
    lifecycle.requeued(tx, pending, now, published);
    return pending;
  }

  /** Work in one transaction that collects the events to publish once it committed. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Tx tx, List<FrameEvent> published) throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) {
    List<FrameEvent> published = new ArrayList<>();
    T result = jobs.jdbc().inTransaction(tx -> {
      published.clear(); // nothing from a rolled-back try
      return work.run(tx, published);
    });
    published.forEach(events::publish);
    return result;
  }

  private static FrameException conflict(String code, String message) {
    return new FrameException(code, message, true);
  }
}
