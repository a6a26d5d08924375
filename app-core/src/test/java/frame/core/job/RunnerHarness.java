package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import frame.core.api.jobs.JobType;

import static org.awaitility.Awaitility.await;

import frame.core.api.config.FrameConfig;
import frame.core.db.Database;
import frame.core.db.Dialect;
import frame.core.event.EventBus;
import frame.core.testing.SettableClock;
import frame.core.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real database with the job tables, and runners over it, for runner tests: an HSQLDB file
 * database, or a fresh database on the configured PostgreSQL (the test is skipped without one).
 */
final class RunnerHarness implements AutoCloseable {
  final Dialect dialect;
  final Database database;
  final JobRepository jobs;
  final EventBus events = new EventBus();
  private final TestPostgres postgres;
  private final List<JobRunner> runners = new ArrayList<>();

  RunnerHarness(Dialect dialect, Path dataDir) {
    this.dialect = dialect;
    if (dialect == Dialect.POSTGRESQL) {
      postgres = TestPostgres.create();
      database = Database.open(postgres.url(), TestPostgres.login(), 16);
    } else {
      postgres = null;
      database = Database.open(FrameConfig.inDataDir(dataDir).databaseUrl(), 16);
    }
    jobs = new JobRepository(database.jdbc());
  }

  JobRunner runner(Clock clock, RunnerSettings settings, JobHandler handler) {
    JobRunner runner = new JobRunner(jobs, Map.of(JobType.NOOP, handler), JobLifecycle.NONE, events, clock, settings);
    runners.add(runner);
    return runner;
  }

  /**
   * A lease for tests that let one run out. HSQLDB leases follow the test's clock, moved by hand;
   * PostgreSQL leases follow the database's clock, so there the lease is short and the test waits.
   */
  Duration lease() {
    return dialect == Dialect.POSTGRESQL ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
  }

  /** Lets every lease held now run out: by the test's clock on HSQLDB, by the database's on PostgreSQL. */
  void passLease(SettableClock clock) {
    if (dialect == Dialect.HSQLDB) {
      clock.advance(lease().plusSeconds(1));
      return;
    }
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> database.jdbc().queryOne(
        "SELECT COUNT(*) FROM job WHERE state = 'RUNNING' AND lease_until >= "
            + "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)", r -> r.getLong(1)).orElseThrow() == 0);
  }

  RunnerSettings manual() {
    return RunnerSettings.defaults(1).withLease(lease(), lease().dividedBy(3))
        .withRetry(new RetryPolicy(Duration.ofSeconds(2), 2.0, () -> 0.0));
  }

  List<Long> enqueue(int count, Clock clock) {
    return database.jdbc().inTransaction(tx -> {
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(jobs.enqueue(tx, new NewJob(JobType.NOOP, null, "{\"n\":" + i + "}", 3), clock.instant()));
      }
      return ids;
    });
  }

  long enqueueOne(Clock clock) {
    return enqueue(1, clock).get(0);
  }

  Job job(long id) {
    return jobs.find(id).orElseThrow();
  }

  List<JobAttempt.Outcome> outcomes(long id) {
    return jobs.attempts(id).stream().map(JobAttempt::outcome).toList();
  }

  @Override
  public void close() {
    runners.forEach(JobRunner::close);
    events.close();
    database.close();
    if (postgres != null) postgres.close();
  }
}
