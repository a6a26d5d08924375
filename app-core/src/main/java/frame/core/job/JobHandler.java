package frame.core.job;

import frame.core.api.jobs.Job;

/**
 * Does one type of job. Must be idempotent: a job may run twice after a crash (at-least-once), so
 * a rerun writes the same files at the same paths. Throw a {@link frame.core.FrameException} that
 * is {@code permanent()} for errors a retry cannot fix.
 */
@FunctionalInterface
public interface JobHandler {
  JobOutcome handle(Job job, JobContext context) throws Exception;
}
