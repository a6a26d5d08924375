package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.crash.Failpoints;

/**
 * Does one type of job. Must be idempotent: a job may run twice after a crash (at-least-once), so
 * a rerun writes the same files at the same paths. Throw a {@link frame.core.FrameException} that
 * is {@code permanent()} for errors a retry cannot fix.
 */
@FunctionalInterface
public interface JobHandler {
  JobOutcome handle(Job job, JobContext context) throws Exception;

  /** This handler, first reaching the place {@code job:TYPE:IMAGE_ID} (where the crash tests stop a child FRAME mid-job). */
  default JobHandler reaching(Failpoints failpoints) {
    if (failpoints == Failpoints.NONE) return this;
    return (job, context) -> {
      failpoints.reach("job:" + job.type() + ":" + job.imageId());
      return handle(job, context);
    };
  }
}
