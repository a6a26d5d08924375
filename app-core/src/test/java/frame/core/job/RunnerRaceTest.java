package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.db.Dialect;
import frame.core.testing.FrameFixture;
import frame.core.testing.SettableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Races between claimers, and between the reaper and a heartbeat, on HSQLDB and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Dialect.class)
class RunnerRaceTest {
  @Parameter Dialect dialect;
  @TempDir Path dataDir;
  RunnerHarness harness;

  @BeforeEach
  void open() {
    harness = new RunnerHarness(dialect, dataDir);
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void k2_two_runners_on_one_database_run_ten_thousand_jobs_once_each_with_none_left_behind() {
    Map<Long, AtomicInteger> executions = new ConcurrentHashMap<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    Map<Long, Boolean> running = new ConcurrentHashMap<>();
    JobHandler handler = (job, context) -> {
      if (running.putIfAbsent(job.id(), true) != null) overlaps.incrementAndGet();
      mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      executions.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
      running.remove(job.id());
      concurrent.decrementAndGet();
      return JobOutcome.completed();
    };
    RunnerSettings settings = RunnerSettings.defaults(4).withBatchSize(25).withPollInterval(Duration.ofMillis(20));
    JobRunner first = harness.runner(Clock.systemUTC(), settings, handler);
    JobRunner second = harness.runner(Clock.systemUTC(), settings, handler);
    harness.enqueue(10_000, Clock.systemUTC());
    first.start();
    second.start();

    await().atMost(Duration.ofMinutes(5)).until(() -> harness.jobs.countByState().get(JobState.COMPLETED) >= 10_000);

    assertThat(executions).hasSize(10_000);
    assertThat(executions.values()).as("no duplicates").allMatch(n -> n.get() == 1);
    assertThat(overlaps).hasValue(0);
    assertThat(mostAtOnce.get()).as("never more executions at once than the two runners' 8 workers").isBetween(1, 8);
    assertThat(harness.jobs.countByState()).as("no dead executions")
        .containsEntry(JobState.RUNNING, 0L).containsEntry(JobState.PENDING, 0L).containsEntry(JobState.FAILED, 0L);
    assertThat(harness.database.jdbc().queryOne("SELECT COUNT(DISTINCT worker_id) FROM job", r -> r.getLong(1)))
        .as("both runners took part").hasValue(2L);
  }

  @Test
  void k3_batch_claims_racing_for_the_head_of_the_queue_never_share_a_job() throws Exception {
    SettableClock clock = new SettableClock();
    harness.enqueue(2000, clock);
    java.util.Set<Long> claimed = ConcurrentHashMap.newKeySet();
    AtomicInteger duplicates = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CyclicBarrier start = new CyclicBarrier(4);
      java.util.List<Future<Integer>> claimers = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String worker = "worker-" + t;
        claimers.add(pool.submit(() -> {
          start.await();
          int won = 0;
          while (true) {
            java.util.List<Job> batch = harness.jobs.claimDue(worker, clock.instant(), Duration.ofMinutes(5), 25);
            if (batch.isEmpty()) return won;
            for (Job job : batch) if (!claimed.add(job.id())) duplicates.incrementAndGet();
            won += batch.size();
          }
        }));
      }
      int total = 0;
      for (Future<Integer> claimer : claimers) total += claimer.get();
      assertThat(total).isEqualTo(2000);
    } finally {
      pool.shutdownNow();
    }
    assertThat(duplicates).hasValue(0);
    assertThat(claimed).hasSize(2000);
    assertThat(harness.database.jdbc().queryOne(
        "SELECT COUNT(*) FROM job WHERE state = 'RUNNING' AND lease_token = 1 AND attempts = 1", r -> r.getLong(1)))
        .hasValue(2000L);
    assertThat(harness.database.jdbc().queryOne(
        "SELECT COUNT(*) FROM job_attempt WHERE outcome = 'RUNNING'", r -> r.getLong(1))).as("one attempt each")
        .hasValue(2000L);
  }

  @Test
  void k6_reaper_racing_a_live_heartbeat_never_leaves_two_owners() throws Exception {
    SettableClock clock = new SettableClock();
    JobRunner reaper = harness.runner(clock, harness.manual(), (job, context) -> JobOutcome.completed());
    // on PostgreSQL the claim's lease runs out by the database's clock: short, so a round is quick
    Duration claimLease = dialect == Dialect.POSTGRESQL ? Duration.ofMillis(20) : Duration.ofSeconds(30);
    Duration lease = Duration.ofSeconds(30);
    int rounds = dialect == Dialect.POSTGRESQL ? 300 : 1000;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int heartbeatWon = 0;
    try {
      for (int round = 0; round < rounds; round++) {
        long id = harness.enqueueOne(clock);
        Job held = harness.jobs.claim(new JobRepository.Candidate(id, 0), "worker-a", clock.instant(), claimLease)
            .orElseThrow();
        // the lease just ran out: the reaper may take it, the heartbeat may save it
        if (dialect == Dialect.HSQLDB) clock.advance(claimLease.plusMillis(1));
        else harness.passLease(clock);
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Boolean> heartbeat = pool.submit(() -> {
          start.await();
          return harness.jobs.heartbeat(id, held.leaseToken(), clock.instant(), lease);
        });
        Future<Integer> reaped = pool.submit(() -> {
          start.await();
          return reaper.reapExpiredNow();
        });
        boolean stillOwned = heartbeat.get();
        reaped.get();
        Job after = harness.job(id);
        if (stillOwned) {
          heartbeatWon++;
          assertThat(after.state()).as("round %d: heartbeat won, so the reaper must not have taken it", round)
              .isEqualTo(JobState.RUNNING);
          assertThat(after.leaseToken()).isEqualTo(held.leaseToken());
        } else {
          assertThat(after.state()).as("round %d: the reaper took it back", round).isEqualTo(JobState.PENDING);
        }
        harness.database.jdbc().update("UPDATE job SET state = 'COMPLETED' WHERE id = ?", id);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("k6: heartbeat won %d of %d rounds%n", heartbeatWon, rounds);
    assertThat(heartbeatWon).as("both sides won some rounds").isBetween(1, rounds - 1);
  }
}
