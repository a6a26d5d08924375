package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.core.api.jobs.JobState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.db.Dialect;
import frame.core.api.FrameException;
import frame.core.testing.SettableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The runner's promises, on the embedded HSQLDB and on a real PostgreSQL alike. */
@ParameterizedClass
@EnumSource(Dialect.class)
class JobRunnerTest {
  @Parameter Dialect dialect;
  @TempDir Path dataDir;
  RunnerHarness harness;
  final SettableClock clock = new SettableClock();

  @BeforeEach
  void open() {
    harness = new RunnerHarness(dialect, dataDir);
  }

  @AfterEach
  void close() {
    if (harness != null) harness.close(); // null when PostgreSQL is not configured and the test was skipped
  }

  @Test
  void failed_job_is_retried_after_backoff_then_fails_with_its_error_kept() {
    AtomicInteger runs = new AtomicInteger();
    JobRunner runner = harness.runner(clock, harness.manual(), (job, context) -> {
      runs.incrementAndGet();
      throw new IOException("disk full");
    });
    long id = harness.enqueueOne(clock);

    assertThat(runner.runDueJobsNow()).isEqualTo(1);
    assertThat(harness.job(id).state()).isEqualTo(JobState.PENDING);
    assertThat(harness.job(id).runAfter()).isEqualTo(clock.instant().plusSeconds(2));
    assertThat(runner.runDueJobsNow()).as("not due before the backoff").isZero();

    clock.advance(Duration.ofSeconds(2));
    assertThat(runner.runDueJobsNow()).isEqualTo(1);
    assertThat(harness.job(id).runAfter()).as("backoff doubles").isEqualTo(clock.instant().plusSeconds(4));

    clock.advance(Duration.ofSeconds(3));
    assertThat(runner.runDueJobsNow()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(runner.runDueJobsNow()).isEqualTo(1);

    Job failed = harness.job(id);
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).startsWith("IOException: disk full").contains("at frame.core.job");
    assertThat(harness.outcomes(id)).containsExactly(
        JobAttempt.Outcome.RETRY, JobAttempt.Outcome.RETRY, JobAttempt.Outcome.FAILED);
    assertThat(runs).hasValue(3);
  }

  @Test
  void permanent_error_fails_at_once_without_retries() {
    JobRunner runner = harness.runner(clock, harness.manual(), (job, context) -> {
      throw FrameException.unsupportedFormat("HEIC");
    });
    long id = harness.enqueueOne(clock);

    runner.runDueJobsNow();

    assertThat(harness.job(id).state()).isEqualTo(JobState.FAILED);
    assertThat(harness.job(id).attempts()).isEqualTo(1);
    assertThat(harness.job(id).lastError()).startsWith("Unsupported file type: HEIC");
  }

  @Test
  void c4_job_of_a_crashed_worker_is_reclaimed_after_its_lease_and_completes_once() {
    AtomicInteger runs = new AtomicInteger();
    JobRunner survivor = harness.runner(clock, harness.manual(), counting(runs));
    long id = harness.enqueueOne(clock);
    claimAndDie(id, "crashed-worker");

    assertThat(survivor.runDueJobsNow()).as("lease still valid").isZero();
    harness.passLease(clock);
    assertThat(survivor.runDueJobsNow()).isEqualTo(1);

    Job done = harness.job(id);
    assertThat(done.state()).isEqualTo(JobState.COMPLETED);
    assertThat(done.leaseToken()).isEqualTo(2);
    assertThat(done.workerId()).isEqualTo(survivor.workerId());
    assertThat(runs).hasValue(1);
    assertThat(harness.outcomes(id)).containsExactly(JobAttempt.Outcome.INTERRUPTED, JobAttempt.Outcome.COMPLETED);
  }

  @Test
  void c5_job_that_kills_its_worker_every_attempt_ends_failed_and_jobs_behind_it_complete() {
    AtomicInteger runs = new AtomicInteger();
    JobRunner runner = harness.runner(clock, harness.manual(), counting(runs));
    long poison = harness.enqueueOne(clock);
    for (int run = 1; run <= NewJob.DEFAULT_MAX_INTERRUPTIONS; run++) {
      assertThat(harness.job(poison).state()).as("run %d", run).isEqualTo(JobState.PENDING);
      claimAndDie(poison, "worker-" + run);
      harness.passLease(clock);
      runner.reapExpiredNow();
    }
    long behind = harness.enqueueOne(clock);

    runner.runDueJobsNow();

    Job failed = harness.job(poison);
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.lastError()).startsWith("Stopped FRAME 6 times while running a no-op job");
    assertThat(failed.interruptions()).isEqualTo(6);
    assertThat(failed.attempts()).as("no failure was spent").isZero();
    assertThat(harness.outcomes(poison)).hasSize(6).containsOnly(JobAttempt.Outcome.INTERRUPTED);
    assertThat(harness.jobs.attempts(poison)).extracting(JobAttempt::attempt).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(harness.job(behind).state()).isEqualTo(JobState.COMPLETED);
    assertThat(runs).as("only the job behind ran to completion").hasValue(1);
  }

  @Test
  void interruptions_do_not_spend_the_failure_budget_and_failures_do_not_spend_the_interruption_budget() {
    AtomicInteger runs = new AtomicInteger();
    JobRunner runner = harness.runner(clock, harness.manual(), (job, context) -> {
      if (runs.incrementAndGet() <= 2) throw new IOException("disk full");
      return JobOutcome.completed();
    });
    long id = harness.enqueueOne(clock);
    for (int run = 1; run <= 5; run++) { // FRAME killed five times while this job ran
      claimAndDie(id, "killed-" + run);
      harness.passLease(clock);
      runner.reapExpiredNow();
    }
    assertThat(harness.job(id).lastError()).contains("Interrupted").contains("interruption 5 of 6");

    for (int round = 0; round < 3; round++) { // then two real failures with backoff, then success
      runner.runDueJobsNow();
      clock.advance(Duration.ofSeconds(10));
    }

    Job done = harness.job(id);
    assertThat(done.state()).isEqualTo(JobState.COMPLETED);
    assertThat(done.interruptions()).isEqualTo(5);
    assertThat(done.attempts()).isEqualTo(3);
    assertThat(harness.outcomes(id)).containsExactly(JobAttempt.Outcome.INTERRUPTED, JobAttempt.Outcome.INTERRUPTED,
        JobAttempt.Outcome.INTERRUPTED, JobAttempt.Outcome.INTERRUPTED, JobAttempt.Outcome.INTERRUPTED,
        JobAttempt.Outcome.RETRY, JobAttempt.Outcome.RETRY, JobAttempt.Outcome.COMPLETED);
  }

  @Test
  void start_up_take_back_counts_an_interruption_not_a_failure() {
    // only the embedded database takes back at start: its lock proves no other worker is alive
    org.junit.jupiter.api.Assumptions.assumeTrue(dialect == frame.core.db.Dialect.HSQLDB);
    JobRunner runner = harness.runner(clock, harness.manual(), (job, context) -> JobOutcome.completed());
    long id = harness.enqueueOne(clock);
    claimAndDie(id, "the-process-before-this-one");

    assertThat(runner.takeBackAllRunning()).isEqualTo(1);

    Job back = harness.job(id);
    assertThat(back.state()).isEqualTo(JobState.PENDING);
    assertThat(back.attempts()).isZero();
    assertThat(back.interruptions()).isEqualTo(1);
    assertThat(harness.outcomes(id)).containsExactly(JobAttempt.Outcome.INTERRUPTED);
  }

  @Test
  void c7_worker_that_lost_its_lease_finishes_late_and_writes_nothing() throws Exception {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch releaseSlow = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    JobHandler handler = (job, context) -> {
      if (calls.incrementAndGet() == 1) {
        slowStarted.countDown();
        releaseSlow.await(30, TimeUnit.SECONDS);
      }
      return JobOutcome.completed();
    };
    JobRunner slow = harness.runner(clock, harness.manual(), handler);
    JobRunner fast = harness.runner(clock, harness.manual(), handler);
    long id = harness.enqueueOne(clock);
    List<frame.core.api.events.FrameEvent> completions = new java.util.concurrent.CopyOnWriteArrayList<>();
    harness.events.subscribe(e -> {
      if (e instanceof frame.core.api.events.FrameEvent.JobChanged c && c.state() == JobState.COMPLETED) completions.add(e);
    });

    Thread slowThread = new Thread(slow::runDueJobsNow);
    slowThread.start();
    assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
    harness.passLease(clock);
    assertThat(fast.runDueJobsNow()).isEqualTo(1);
    releaseSlow.countDown();
    slowThread.join(30_000);

    Job done = harness.job(id);
    assertThat(done.state()).isEqualTo(JobState.COMPLETED);
    assertThat(done.workerId()).isEqualTo(fast.workerId());
    assertThat(done.leaseToken()).isEqualTo(2);
    assertThat(harness.outcomes(id)).containsExactly(JobAttempt.Outcome.INTERRUPTED, JobAttempt.Outcome.COMPLETED);
    harness.events.close();
    assertThat(completions).hasSize(1);
  }

  @Test
  void a_group_commit_of_completions_writes_only_the_jobs_whose_lease_is_still_held() {
    List<Long> ids = harness.enqueue(3, clock);
    List<Job> claimed = harness.jobs.claimDue("worker-a", clock.instant(), harness.lease(), 3);
    assertThat(claimed).extracting(Job::id).containsExactlyElementsOf(ids);
    // the middle job goes back to the queue and another worker takes it: worker-a's token is stale
    assertThat(harness.jobs.release(claimed.get(1), clock.instant())).isTrue();
    assertThat(harness.jobs.claimDue("worker-b", clock.instant(), harness.lease(), 3)).extracting(Job::id)
        .containsExactly(ids.get(1));

    java.util.Set<Long> written = harness.jobs.jdbc().inTransaction(tx -> harness.jobs.completeAll(tx, claimed, clock.instant()));

    assertThat(written).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
    assertThat(harness.job(ids.get(0)).state()).isEqualTo(JobState.COMPLETED);
    assertThat(harness.job(ids.get(2)).state()).isEqualTo(JobState.COMPLETED);
    assertThat(harness.outcomes(ids.get(0))).containsExactly(JobAttempt.Outcome.COMPLETED);
    Job taken = harness.job(ids.get(1));
    assertThat(taken.state()).isEqualTo(JobState.RUNNING);
    assertThat(taken.workerId()).isEqualTo("worker-b");
    assertThat(harness.outcomes(ids.get(1))).containsExactly(JobAttempt.Outcome.RELEASED, JobAttempt.Outcome.RUNNING);
  }

  @Test
  void k1_two_thousand_jobs_on_eight_workers_each_run_exactly_once() {
    Map<Long, AtomicInteger> executions = new ConcurrentHashMap<>();
    RunnerSettings settings = RunnerSettings.defaults(8).withBatchSize(20).withPollInterval(Duration.ofMillis(50));
    JobRunner runner = harness.runner(Clock.systemUTC(), settings, (job, context) -> {
      executions.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
      return JobOutcome.completed();
    });
    List<Long> ids = harness.enqueue(2000, Clock.systemUTC());
    runner.start();

    awaitCompleted(2000, Duration.ofMinutes(3));

    assertThat(executions).hasSize(2000).containsOnlyKeys(ids);
    assertThat(executions.values()).allMatch(count -> count.get() == 1);
    assertThat(harness.jobs.countByState()).containsEntry(JobState.COMPLETED, 2000L)
        .containsEntry(JobState.FAILED, 0L).containsEntry(JobState.RUNNING, 0L).containsEntry(JobState.PENDING, 0L);
  }

  @Test
  void k3_two_workers_claiming_the_same_job_at_once_exactly_one_wins() throws Exception {
    for (int round = 0; round < 500; round++) {
      long id = harness.enqueueOne(clock);
      JobRepository.Candidate candidate = new JobRepository.Candidate(id, 0);
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.Callable<Boolean> claim = () -> {
        start.await();
        return harness.jobs.claim(candidate, Thread.currentThread().getName(), clock.instant(), Duration.ofSeconds(30))
            .isPresent();
      };
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var a = pool.submit(claim);
        var b = pool.submit(claim);
        assertThat(a.get() ^ b.get()).as("round %d: exactly one claim wins", round).isTrue();
      } finally {
        pool.shutdownNow();
      }
      assertThat(harness.job(id).leaseToken()).isEqualTo(1);
    }
  }

  @Test
  void c6_graceful_stop_hands_back_a_running_job_without_counting_the_attempt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    RunnerSettings settings = new RunnerSettings(1, 5, Duration.ofMillis(50), Duration.ofSeconds(30),
        Duration.ofSeconds(10), Duration.ofMillis(200), RetryPolicy.standard());
    JobRunner runner = harness.runner(Clock.systemUTC(), settings, (job, context) -> {
      started.countDown();
      new CountDownLatch(1).await(); // runs until interrupted
      return JobOutcome.completed();
    });
    long id = harness.enqueueOne(Clock.systemUTC());
    runner.start();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    runner.close();

    Job released = harness.job(id);
    assertThat(released.state()).isEqualTo(JobState.PENDING);
    assertThat(released.attempts()).isZero();
    assertThat(harness.outcomes(id)).containsExactly(JobAttempt.Outcome.RELEASED);
  }

  @Test
  void an_enqueue_wakes_the_runner_without_waiting_for_the_poll() {
    RunnerSettings settings = RunnerSettings.defaults(1).withPollInterval(Duration.ofHours(1));
    JobRunner runner = harness.runner(Clock.systemUTC(), settings, (job, context) -> JobOutcome.completed());
    runner.start();
    await().atMost(Duration.ofSeconds(30)).until(runner::waitingForWork); // in its hour-long wait
    harness.enqueueOne(Clock.systemUTC());
    runner.wake();

    awaitCompleted(1, Duration.ofSeconds(30));
  }

  @Test
  void a_claim_the_database_refuses_does_not_shrink_the_runners_capacity() {
    RunnerSettings settings = RunnerSettings.defaults(1).withBatchSize(1).withPollInterval(Duration.ofMillis(20));
    JobRunner runner = harness.runner(Clock.systemUTC(), settings, (job, context) -> JobOutcome.completed());
    int capacity = runner.freeCapacity();
    harness.enqueue(5, Clock.systemUTC());
    // the database refuses to let the first job become RUNNING: every claim of it throws
    harness.database.jdbc().update("ALTER TABLE job ADD CONSTRAINT refuse_claims CHECK (state <> 'RUNNING' OR id <> 1)");
    runner.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> runner.loopFailures() >= capacity + 1);
    assertThat(runner.freeCapacity()).as("every permit taken for a failed claim came back").isEqualTo(capacity);
    harness.database.jdbc().update("ALTER TABLE job DROP CONSTRAINT refuse_claims");

    awaitCompleted(5, Duration.ofSeconds(30));
  }

  private void claimAndDie(long id, String worker) {
    Job job = harness.job(id);
    assertThat(harness.jobs.claim(new JobRepository.Candidate(id, job.leaseToken()), worker, clock.instant(),
        harness.lease())).isPresent();
  }

  private static JobHandler counting(AtomicInteger runs) {
    return (job, context) -> {
      runs.incrementAndGet();
      return JobOutcome.completed();
    };
  }

  private void awaitCompleted(long expected, Duration timeout) {
    await().atMost(timeout).until(() -> harness.jobs.countByState().get(JobState.COMPLETED) >= expected);
  }
}
