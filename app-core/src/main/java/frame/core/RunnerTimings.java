package frame.core;

import frame.core.api.config.FrameConfig;

import frame.core.db.Database;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.Job;
import frame.core.job.JobLifecycle;
import frame.core.job.JobOutcome;
import frame.core.job.JobRepository;
import frame.core.job.JobRunner;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.job.NewJob;
import frame.core.job.RunnerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** No-op jobs through the real runner and the real (durable) embedded database: jobs per second. */
final class RunnerTimings {
  private RunnerTimings() {}

  /**
   * The database's share of one photo, on one thread: its four jobs enqueued, claimed as one
   * batch and completed one by one, every step its own durable commit, as the pipeline does.
   */
  static double databaseMillisPerPhoto(Path dataDir, int photos) {
    try (Database database = Database.open(FrameConfig.inDataDir(dataDir).databaseUrl(), 2)) {
      JobRepository repository = new JobRepository(database.jdbc());
      Duration lease = Duration.ofSeconds(30);
      long start = System.nanoTime();
      for (int p = 0; p < photos; p++) {
        List<JobRepository.Candidate> jobs = database.jdbc().inTransaction(tx -> {
          List<JobRepository.Candidate> enqueued = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            long id = repository.enqueue(tx, new NewJob(JobType.NOOP, null, "{}", 3), Instant.now());
            enqueued.add(new JobRepository.Candidate(id, 0));
          }
          return enqueued;
        });
        for (Job job : repository.claimAll(jobs, "bench", Instant.now(), lease)) {
          database.jdbc().inTransaction(tx -> repository.complete(tx, job, Instant.now()));
        }
      }
      return (System.nanoTime() - start) / 1e6 / photos;
    }
  }

  static double noopJobsPerSecond(Path dataDir, int jobs, int workers) throws Exception {
    try (Database database = Database.open(FrameConfig.inDataDir(dataDir).databaseUrl(), workers + 4);
        EventBus events = new EventBus()) {
      JobRepository repository = new JobRepository(database.jdbc());
      database.jdbc().inTransaction(tx -> {
        for (int i = 0; i < jobs; i++) repository.enqueue(tx, new NewJob(JobType.NOOP, null, "{}", 3), Clock.systemUTC().instant());
        return null;
      });
      RunnerSettings settings = RunnerSettings.defaults(workers).withBatchSize(50).withPollInterval(Duration.ofMillis(10));
      // counted from the events sent after each commit: polling the table would load the database
      CountDownLatch committed = new CountDownLatch(jobs);
      try (AutoCloseable subscription = events.subscribe(event -> {
            if (event instanceof FrameEvent.JobChanged changed && changed.state() == JobState.COMPLETED) committed.countDown();
          });
          JobRunner runner = new JobRunner(repository, Map.of(JobType.NOOP, (job, context) -> JobOutcome.completed()),
              JobLifecycle.NONE, events, Clock.systemUTC(), settings)) {
        long start = System.nanoTime();
        runner.start();
        committed.await();
        double perSecond = jobs / ((System.nanoTime() - start) / 1e9);
        if (repository.countByState().get(JobState.COMPLETED) != jobs) throw new IllegalStateException("not all jobs completed");
        return perSecond;
      }
    }
  }
}
