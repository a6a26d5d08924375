package frame.core.job;

import java.time.Duration;

/**
 * Thrown by a handler whose work waits on something outside the photo (an archive target that is
 * down, full or refuses the credentials): the job goes back to PENDING after {@code wait}, and
 * the run spends none of its failure budget. Nothing about the photo is wrong, so it never FAILS
 * for this, however long the wait.
 */
public final class JobPostponed extends RuntimeException {
  private final Duration wait;

  public JobPostponed(String reason, Duration wait, Throwable cause) {
    super(reason, cause);
    this.wait = wait;
  }

  public Duration waitFor() {
    return wait;
  }
}
