package frame.core.job;

import java.time.Instant;

/** One job row. {@code leaseToken} is the fencing token: +1 for every claim. */
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
    Instant completedAt) {

  public boolean attemptsLeft() {
    return attempts < maxAttempts;
  }
}
