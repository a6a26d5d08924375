package frame.core.job;

import java.time.Instant;

/** One run of a job: who ran it, when, and how it ended. {@code ended} is null while it runs. */
public record JobAttempt(
    int attempt, String workerId, Instant started, Instant ended, Outcome outcome, String error) {

  public enum Outcome {
    RUNNING,
    COMPLETED,
    FAILED,
    /** Will be retried after backoff. */
    RETRY,
    /** The worker stopped renewing its lease (crash, hang, lost connection). */
    LOST,
    /** Handed back at a graceful shutdown, not counted against the job. */
    RELEASED
  }
}
