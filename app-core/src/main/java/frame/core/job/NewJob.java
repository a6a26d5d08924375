package frame.core.job;

import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobType;

/** A job to enqueue. */
public record NewJob(JobType type, Long imageId, String payload, int maxAttempts, JobPriority priority) {
  /** Failed attempts before a job ends FAILED (the handler threw or timed out). */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  /**
   * Interrupted runs before a job ends FAILED (FRAME stopped while it ran). Larger than the failure
   * budget: a laptop whose battery runs out a few times during an import must not fail innocent
   * photos, while a job that kills its process every time still ends.
   */
  public static final int DEFAULT_MAX_INTERRUPTIONS = 6;

  public NewJob(JobType type, Long imageId, String payload, int maxAttempts) {
    this(type, imageId, payload, maxAttempts, JobPriority.FRESH);
  }

  public static NewJob forImage(JobType type, long imageId) {
    return forImage(type, imageId, JobPriority.FRESH);
  }

  public static NewJob forImage(JobType type, long imageId, JobPriority priority) {
    return new NewJob(type, imageId, "{\"imageId\":" + imageId + "}", DEFAULT_MAX_ATTEMPTS, priority);
  }
}
