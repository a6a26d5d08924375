package frame.core.job;

import frame.core.api.jobs.Job;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * The runner loop's view of a database that went away (a PostgreSQL restart, a network cut): it
 * says so once, backs off from the poll interval up to half a minute, and says once when it is
 * back, instead of logging a stack trace per poll.
 */
final class DatabaseOutage {
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

  private final Logger log;
  private final Duration firstPause;
  private Duration pause;
  private int failures;

  DatabaseOutage(Logger log, Duration firstPause) {
    this.log = log;
    this.firstPause = firstPause.isZero() ? Duration.ofMillis(100) : firstPause;
    this.pause = this.firstPause;
  }

  /** Records a failed round; returns how long to wait before the next. */
  synchronized Duration failed(Throwable failure) {
    if (failures++ == 0) {
      log.error("Job runner cannot reach the database; retrying with backoff until it is back: {}", failure.toString(),
          failure);
    } else {
      log.debug("Job runner round {} failed again: {}", failures, failure.toString());
    }
    Duration now = pause;
    pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
    return now;
  }

  synchronized void recovered() {
    if (failures > 0) log.info("Job runner reached the database again after {} failed round(s)", failures);
    failures = 0;
    pause = firstPause;
  }
}
