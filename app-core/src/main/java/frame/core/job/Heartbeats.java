package frame.core.job;

import frame.core.api.jobs.Job;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The leases this runner holds, renewed together; a renewal that fails marks that job lost. */
final class Heartbeats {
  private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

  record Held(Job job, JobContext context) {}

  private final Map<Long, Held> held = new ConcurrentHashMap<>();
  private final JobRepository jobs;
  private final Clock clock;
  private final Duration lease;
  private volatile boolean unreachable; // said once per outage, not once per job per beat

  Heartbeats(JobRepository jobs, Clock clock, Duration lease) {
    this.jobs = jobs;
    this.clock = clock;
    this.lease = lease;
  }

  void hold(Job job, JobContext context) {
    held.put(job.id(), new Held(job, context));
  }

  void drop(Job job) {
    held.remove(job.id());
  }

  Collection<Held> all() {
    return List.copyOf(held.values());
  }

  /** A renewal also fails when the job just finished here, before it was dropped: not a loss. */
  private boolean finishedByUs(Job job) {
    return jobs.find(job.id())
        .map(now -> now.leaseToken() == job.leaseToken() && !now.state().isActive())
        .orElse(false);
  }

  /** Renews every lease held in one go (one statement on PostgreSQL); marks the lost ones. */
  void renewAll() {
    List<Held> all = List.copyOf(held.values());
    if (all.isEmpty()) return;
    try {
      Set<Long> renewed = jobs.heartbeatAll(all.stream().map(Held::job).toList(), clock.instant(), lease);
      for (Held h : all) {
        if (renewed.contains(h.job().id()) || finishedByUs(h.job())) continue;
        log.warn("Lease of job {} was lost; another worker may run it now", h.job().id());
        h.context().markLeaseLost();
        held.remove(h.job().id());
      }
      if (unreachable) log.info("Heartbeats reach the database again");
      unreachable = false;
    } catch (RuntimeException e) {
      if (!unreachable) log.warn("Heartbeats cannot reach the database; will keep trying: {}", e.getMessage());
      unreachable = true;
    }
  }
}
