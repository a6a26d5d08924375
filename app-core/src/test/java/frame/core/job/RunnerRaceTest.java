package frame.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

class RunnerRaceTest {
  @TempDir Path dataDir;
  RunnerHarness harness;

  @BeforeEach
  void open() {
    harness = new RunnerHarness(dataDir);
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
  void k6_reaper_racing_a_live_heartbeat_never_leaves_two_owners() throws Exception {
    SettableClock clock = new SettableClock();
    JobRunner reaper = harness.runner(clock, RunnerHarness.manual(), (job, context) -> JobOutcome.completed());
    Duration lease = Duration.ofSeconds(30);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int heartbeatWon = 0;
    try {
      for (int round = 0; round < 1000; round++) {
        long id = harness.enqueueOne(clock);
        Job held = harness.jobs.claim(new JobRepository.Candidate(id, 0), "worker-a", clock.instant(), lease).orElseThrow();
        clock.advance(lease.plusMillis(1)); // the lease just ran out: the reaper may take it, the heartbeat may save it
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
    System.out.printf("k6: heartbeat won %d of 1000 rounds%n", heartbeatWon);
    assertThat(heartbeatWon).as("both sides won some rounds").isBetween(1, 999);
  }
}
