package frame.core.job;

import frame.core.event.EventBus;
import frame.core.event.FrameEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reaper: takes back RUNNING jobs whose lease ran out. The attempt was counted at claim, so a
 * job that kills its worker every time still runs out of attempts and ends FAILED.
 */
final class ExpiredLeases {
  private static final Logger log = LoggerFactory.getLogger(ExpiredLeases.class);

  private final JobRepository jobs;
  private final JobLifecycle lifecycle;
  private final EventBus events;
  private final Clock clock;

  ExpiredLeases(JobRepository jobs, JobLifecycle lifecycle, EventBus events, Clock clock) {
    this.jobs = jobs;
    this.lifecycle = lifecycle;
    this.events = events;
    this.clock = clock;
  }

  /** Returns how many jobs were taken back. */
  int reap() {
    return reapLeasesEndingBefore(clock.instant());
  }

  /** Takes back every RUNNING job whose lease ends before {@code cutoff}. */
  int reapLeasesEndingBefore(Instant cutoff) {
    int taken = 0;
    for (Job job : jobs.findExpired(cutoff)) {
      String reason = "Worker " + job.workerId() + " stopped responding (lease expired) on attempt "
          + job.attempts() + " of " + job.maxAttempts();
      List<FrameEvent> published = new ArrayList<>();
      boolean written = jobs.jdbc().inTransaction(tx -> {
        Instant now = clock.instant();
        if (!jobs.reclaimExpired(tx, job, job.attemptsLeft(), reason, now, cutoff)) return false;
        if (job.attemptsLeft()) {
          published.add(new FrameEvent.JobChanged(job.id(), job.imageId(), job.type(), JobState.PENDING));
        } else {
          published.add(new FrameEvent.JobChanged(job.id(), job.imageId(), job.type(), JobState.FAILED));
          lifecycle.failed(tx, job, reason, now, published);
        }
        return true;
      });
      if (written) {
        taken++;
        log.warn("Took back job {} ({}): {}", job.id(), job.type(), reason);
        published.forEach(events::publish);
      }
    }
    return taken;
  }
}
