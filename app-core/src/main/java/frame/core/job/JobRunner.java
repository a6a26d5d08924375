package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobType;

import frame.core.event.EventBus;
import frame.core.scheduling.BackgroundPriority;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent job runner: one loop thread that takes back expired leases and claims due jobs,
 * a pool of workers that run them, and a heartbeat that renews their leases. An enqueue in this
 * process wakes the loop at once; otherwise it polls.
 */
public final class JobRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final JobRepository jobs;
  private final Clock clock;
  private final RunnerSettings settings;
  private final String workerId;
  private final ExecutePicked executor;
  private final ExpiredLeases expiredLeases;
  private final Heartbeats heartbeats;
  private final Waiter waiter = new Waiter();
  private final Semaphore freeWorkers;
  private final GroupCommit commits;
  private final WorkerShare share;
  private final QueuePauses pauses;
  private final DatabaseOutage outage;
  private final AtomicLong completed = new AtomicLong();

  private volatile boolean running;
  private Thread loop;
  private ExecutorService workers;
  private ScheduledExecutorService heartbeatTimer;
  private Instant lastReap = Instant.EPOCH;
  private final java.util.concurrent.atomic.AtomicLong loopFailures = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong loops = new java.util.concurrent.atomic.AtomicLong();

  public JobRunner(JobRepository jobs, Map<JobType, JobHandler> handlers, JobLifecycle lifecycle, EventBus events,
      Clock clock, RunnerSettings settings) {
    this(jobs, handlers, lifecycle, events, clock, settings, new QueuePauses(jobs.jdbc(), settings.pollInterval()),
        workerName());
  }

  /** A runner whose claims carry {@code workerId} (a node's id, so its jobs can be traced to it). */
  public JobRunner(JobRepository jobs, Map<JobType, JobHandler> handlers, JobLifecycle lifecycle, EventBus events,
      Clock clock, RunnerSettings settings, QueuePauses pauses, String workerId) {
    this(jobs, handlers, lifecycle, events, clock, settings, pauses, workerId, new WorkerShare(settings.workers()));
  }

  /** The same, its workers giving way to photos being received through {@code share}. */
  public JobRunner(JobRepository jobs, Map<JobType, JobHandler> handlers, JobLifecycle lifecycle, EventBus events,
      Clock clock, RunnerSettings settings, QueuePauses pauses, String workerId, WorkerShare share) {
    this.jobs = jobs;
    this.share = share;
    this.pauses = pauses;
    this.clock = clock;
    this.settings = settings;
    this.workerId = workerId;
    this.commits = new GroupCommit(jobs, clock);
    this.executor = new ExecutePicked(jobs, Map.copyOf(handlers), lifecycle, events, clock, settings.retry(), commits);
    this.expiredLeases = new ExpiredLeases(jobs, lifecycle, events, clock);
    this.heartbeats = new Heartbeats(jobs, clock, settings.lease());
    // Jobs in flight: one per worker plus a batch waiting for a worker, as db-scheduler does, so a
    // claim batch can be larger than the pool (their leases are renewed while they wait).
    this.freeWorkers = new Semaphore(settings.workers() + settings.batchSize());
    this.outage = new DatabaseOutage(log, settings.pollInterval());
  }

  /** Jobs this runner has run to an end (completed, failed or retried) since it started. */
  public long finishedCount() {
    return completed.get();
  }

  /** Jobs this runner holds a lease on right now. */
  public int runningCount() {
    return heartbeats.all().size();
  }

  public String workerId() {
    return workerId;
  }
  public synchronized void start() {
    if (running) return;
    running = true;
    AtomicInteger n = new AtomicInteger();
    workers = Executors.newFixedThreadPool(settings.workers(), r -> daemon(() -> {
      BackgroundPriority.lowerCurrentThread();
      r.run();
    }, "frame-worker-" + n.incrementAndGet()));
    heartbeatTimer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "frame-heartbeat"));
    long beat = settings.heartbeat().toMillis();
    heartbeatTimer.scheduleAtFixedRate(heartbeats::renewAll, beat, beat, TimeUnit.MILLISECONDS);
    loop = daemon(this::runUntilShutdown, "frame-runner");
    loop.start();
    log.info("Job runner {} started: {} workers, batch {}, poll {}", workerId, settings.workers(),
        settings.batchSize(), settings.pollInterval());
  }

  /** Rounds of the loop that failed (a database error, say): for health checks and tests. */
  long loopFailures() {
    return loopFailures.get();
  }

  /** Rounds the claim loop has begun: a test waits for a few of them to pass. */
  public long loopRounds() {
    return loops.get();
  }

  /** Jobs this runner could take on now: workers plus a batch, less what it holds. */
  int freeCapacity() {
    return freeWorkers.availablePermits();
  }

  /** True while the loop sleeps until the next poll or a wake. */
  boolean waitingForWork() {
    return waiter.waiting();
  }

  /** Tells the loop that work was enqueued, so it claims at once instead of at the next poll. */
  public void wake() {
    waiter.wake();
  }

  private void runUntilShutdown() {
    while (running) {
      try {
        loops.incrementAndGet();
        int claimed = claimAndSubmit();
        outage.recovered();
        // A full batch likely means more is waiting: go again without sleeping.
        if (claimed < settings.batchSize() || freeWorkers.availablePermits() < claimThreshold()) {
          waiter.await(settings.pollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable t) {
        loopFailures.incrementAndGet();
        sleepQuietly(outage.failed(t));
      }
    }
  }

  private int claimAndSubmit() {
    reapIfDue();
    int free = freeWorkers.availablePermits();
    if (free < claimThreshold()) return 0;
    int wanted = Math.min(free, settings.batchSize());
    if (!running || !freeWorkers.tryAcquire(wanted)) return 0;
    List<Job> won;
    try {
      won = pauses.claimUnder(paused -> paused.wholeQueuePaused() ? List.of()
          : jobs.claimDue(workerId, clock.instant(), settings.lease(), wanted, paused.pausedTypes()));
    } catch (RuntimeException | Error e) {
      freeWorkers.release(wanted); // a failed claim must not shrink capacity for good
      throw e;
    }
    freeWorkers.release(wanted - won.size());
    for (Job job : won) {
      JobContext context = new JobContext();
      heartbeats.hold(job, context);
      workers.execute(() -> {
        try {
          share.enter();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return; // stopping: close() hands the job back
        }
        try {
          executor.run(job, context).whenComplete((written, failure) -> {
            if (failure != null) {
              log.error("Job {} could not be recorded; its lease will expire and it will be retried", job.id(), failure);
            }
            heartbeats.drop(job);
            freeWorkers.release();
            completed.incrementAndGet();
            // the loop claims only once half a batch has room: waking it for every job would cost
            // a thread switch a job for nothing
            if (freeWorkers.availablePermits() >= claimThreshold()) waiter.wake();
          });
        } finally {
          share.leave();
        }
      });
    }
    return won.size();
  }

  /**
   * Room for this many jobs before the loop claims: half a batch (at least one). While jobs are
   * still queued for a worker, claiming the one or two each completion frees would cost a query
   * and a commit per job.
   */
  private int claimThreshold() {
    return Math.max(1, (settings.batchSize() + 1) / 2);
  }

  /** Due jobs whose type is not paused; none while the whole queue is. */
  private void reapIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(lastReap.plus(settings.heartbeat()))) return;
    lastReap = now;
    expiredLeases.reap();
  }

  /**
   * Runs every due job on the calling thread until none is due, then returns how many ran. For
   * tests and tools that drive the runner by hand with a settable clock.
   */
  public int runDueJobsNow() {
    int ran = 0;
    expiredLeases.reap();
    while (true) {
      // one at a time, so each job's lease starts when it runs
      List<Job> claimed = pauses.claimUnder(paused -> paused.wholeQueuePaused() ? List.of()
          : jobs.claimDue(workerId, clock.instant(), settings.lease(), 1, paused.pausedTypes()));
      if (claimed.isEmpty()) return ran;
      for (Job job : claimed) {
        executor.run(job, new JobContext()).join();
        ran++;
      }
    }
  }

  /**
   * Takes back every RUNNING job at once, whatever its lease says. Only for a start where no
   * other worker can be alive: the embedded database, locked to this process.
   */
  public int takeBackAllRunning() {
    return expiredLeases.reapLeasesEndingBefore(Instant.ofEpochMilli(Long.MAX_VALUE));
  }

  /** Takes back expired leases now; returns how many. */
  public int reapExpiredNow() {
    return expiredLeases.reap();
  }

  /**
   * Graceful stop: no new claims, running jobs get the grace period to finish, and whatever is
   * still running after it is handed back as PENDING, so nothing is left stuck RUNNING.
   */
  @Override
  public synchronized void close() {
    if (!running) {
      commits.close();
      return;
    }
    running = false;
    waiter.wake();
    share.close();
    try {
      loop.join(settings.shutdownGrace().toMillis());
      workers.shutdown();
      boolean finished = workers.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
      commits.close(); // results already handed over are committed, not released
      if (!finished) {
        for (Heartbeats.Held held : heartbeats.all()) {
          held.context().markLeaseLost();
          if (jobs.release(held.job(), clock.instant())) log.info("Released job {} at shutdown", held.job().id());
        }
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      heartbeatTimer.shutdownNow();
      commits.close();
    }
    log.info("Job runner {} stopped", workerId);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }

  private static String workerName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    String pid = ManagementFactory.getRuntimeMXBean().getPid() + "";
    return host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 4);
  }

  private void sleepQuietly(Duration pause) {
    try {
      waiter.await(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
