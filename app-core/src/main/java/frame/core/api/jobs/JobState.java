package frame.core.api.jobs;

import java.util.EnumSet;
import java.util.Set;

/** A job's lifecycle, with the one table of allowed transitions. */
public enum JobState {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  /** Taken out of the queue by an admin before it ran. */
  CANCELLED;

  public Set<JobState> next() {
    return switch (this) {
      // claimed by a worker, or cancelled by an admin
      case PENDING -> EnumSet.of(RUNNING, CANCELLED);
      // back to PENDING: a retry after backoff, an interruption taken back, or a release at shutdown
      case RUNNING -> EnumSet.of(COMPLETED, FAILED, PENDING);
      // back to PENDING: an admin's retry (FAILED, CANCELLED) or regenerate (COMPLETED)
      case COMPLETED, FAILED, CANCELLED -> EnumSet.of(PENDING);
    };
  }

  public boolean canBecome(JobState target) {
    return next().contains(target);
  }

  /** Throws when the table does not allow {@code this -> target}. */
  public void requireCanBecome(JobState target) {
    if (!canBecome(target)) throw new IllegalStateException("A job cannot go from " + this + " to " + target);
  }

  public boolean isActive() {
    return this == PENDING || this == RUNNING;
  }

  /** Ended, for now: only an admin sends it back to the queue. */
  public boolean isFinal() {
    return !isActive();
  }
}
