package frame.core.job;

import java.util.EnumSet;
import java.util.Set;

/** A job's lifecycle, with the one table of allowed transitions. */
public enum JobState {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED;

  public Set<JobState> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(RUNNING);
      // back to PENDING: a retry, an expired lease, or a release at shutdown
      case RUNNING -> EnumSet.of(COMPLETED, FAILED, PENDING);
      case COMPLETED, FAILED -> EnumSet.noneOf(JobState.class);
    };
  }

  public boolean canBecome(JobState target) {
    return next().contains(target);
  }

  public boolean isActive() {
    return this == PENDING || this == RUNNING;
  }
}
