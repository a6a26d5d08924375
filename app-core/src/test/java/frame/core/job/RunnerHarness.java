package frame.core.job;

import frame.core.FrameConfig;
import frame.core.db.Database;
import frame.core.event.EventBus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real file database with the job tables, and runners over it, for runner tests. */
final class RunnerHarness implements AutoCloseable {
  final Database database;
  final JobRepository jobs;
  final EventBus events = new EventBus();
  private final List<JobRunner> runners = new ArrayList<>();

  RunnerHarness(Path dataDir) {
    database = Database.open(FrameConfig.inDataDir(dataDir).databaseUrl(), 16);
    jobs = new JobRepository(database.jdbc());
  }

  JobRunner runner(Clock clock, RunnerSettings settings, JobHandler handler) {
    JobRunner runner = new JobRunner(jobs, Map.of(JobType.NOOP, handler), JobLifecycle.NONE, events, clock, settings);
    runners.add(runner);
    return runner;
  }

  static RunnerSettings manual() {
    return RunnerSettings.defaults(1).withRetry(new RetryPolicy(Duration.ofSeconds(2), 2.0, () -> 0.0));
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
  }
}
