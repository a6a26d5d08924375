package frame.core.api.jobs;

import java.time.Instant;

/**
 * One job row. {@code leaseToken} is the fencing token: +1 for every claim. {@code attempts}
 * counts runs that ended in a failure (or run now: counted at claim); {@code interruptions} counts
 * runs cut short because FRAME itself stopped, each with its own budget.
 */
public record Job(
    long id,
    JobType type,
    Long imageId,
    String payload,
    JobState state,
    int attempts,
    int maxAttempts,
    Instant runAfter,
    String workerId,
    Instant lockedAt,
    Instant leaseUntil,
    long leaseToken,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    int interruptions,
    int maxInterruptions,
    JobPriority priority) {

  /** Whether a failed attempt may be followed by another (the failure budget). */
  public boolean attemptsLeft() {
    return attempts < maxAttempts;
  }

  /** Whether one more interruption still leaves the job another run (the interruption budget). */
  public boolean interruptionsLeftAfterThis() {
    return interruptions + 1 < maxInterruptions;
  }

  /**
   * This run's number among all the job's runs, failed and interrupted alike: it names the run's
   * row in the attempt history. Both counters include the run in progress once it is claimed.
   */
  public int run() {
    return attempts + interruptions;
  }
}
