package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobState;

import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reaper: takes back RUNNING jobs whose lease ran out, because the process or node that ran
 * them stopped. That run counts as an interruption, not a failure (issue 18): interruptions have
 * their own, larger budget, so an innocent photo survives FRAME being killed a few times while a
 * job that kills its process every time still ends FAILED.
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
      boolean again = job.interruptionsLeftAfterThis();
      String reason = again ? interrupted(job) : gaveUp(job);
      List<FrameEvent> published = new ArrayList<>();
      boolean written = jobs.jdbc().inTransaction(tx -> {
        Instant now = clock.instant();
        if (!jobs.reclaimExpired(tx, job, again, reason, now, cutoff)) return false;
        if (again) {
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

  private static String interrupted(Job job) {
    return "Interrupted: FRAME stopped while " + job.type().activity() + " (worker " + job.workerId()
        + " stopped renewing its lease); interruption " + (job.interruptions() + 1) + " of " + job.maxInterruptions();
  }

  private static String gaveUp(Job job) {
    return "Stopped FRAME " + (job.interruptions() + 1) + " times while " + job.type().activity()
        + ": FRAME died each time this job ran, so it is not tried again (retry it to try once more)";
  }
}
