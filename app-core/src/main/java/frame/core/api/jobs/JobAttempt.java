package frame.core.api.jobs;

import java.time.Instant;

/**
 * One run of a job: who ran it, when, and how it ended. {@code attempt} is the run's number among
 * all the job's runs; {@code ended} is null while it runs.
 */
public record JobAttempt(
    int attempt, String workerId, Instant started, Instant ended, Outcome outcome, String error) {

  public enum Outcome {
    RUNNING,
    COMPLETED,
    FAILED,
    /** Will be retried after backoff. */
    RETRY,
    /**
     * FRAME stopped while the job ran (killed, crashed, its node died or lost the database): the
     * lease ran out, or start-up took the job back. Counts against the interruption budget, not
     * the failure budget.
     */
    INTERRUPTED,
    /** Handed back at a graceful shutdown, not counted against the job. */
    RELEASED;

    /** The stored name; "LOST" is what FRAME called an interrupted run before schema version 4. */
    public static Outcome parse(String stored) {
      return "LOST".equals(stored) ? INTERRUPTED : valueOf(stored);
    }

    /** A run that FRAME's own stop cut short, as opposed to one the job's work failed. */
    public boolean interrupted() {
      return this == INTERRUPTED;
    }
  }
}
