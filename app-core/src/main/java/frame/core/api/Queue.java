package frame.core.api;

import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueOverview;
import frame.core.api.jobs.QueueState;

/** The job queue as a whole: what is paused, how much waits, pausing and resuming. */
public interface Queue {
  /** Whether the queue (or which job types) is paused, and the jobs per type and state. */
  QueueOverview overview();

  /**
   * Pauses the whole queue ({@code type} null) or one job type: running jobs finish, nothing new
   * starts, until {@link #resume}. Kept in the database, so it survives a restart.
   */
  QueueState pause(JobType type);

  /** Resumes one job type, or everything ({@code type} null: the whole queue and every paused type). */
  QueueState resume(JobType type);
}
