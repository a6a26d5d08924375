package frame.core;

import frame.core.api.Queue;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueOverview;
import frame.core.api.jobs.QueueState;
import frame.core.job.JobRepository;
import frame.core.job.JobRunner;
import frame.core.job.QueuePauses;
import java.time.Instant;
import java.util.Set;

/** {@link Queue} over the pauses table; a change wakes the runner at once. */
final class QueuePort implements Queue {
  private final QueuePauses pauses;
  private final JobRepository jobs;
  private final JobRunner runner;

  QueuePort(QueuePauses pauses, JobRepository jobs, JobRunner runner) {
    this.pauses = pauses;
    this.jobs = jobs;
    this.runner = runner;
  }

  @Override
  public QueueOverview overview() {
    return new QueueOverview(pauses.refresh(), jobs.countByTypeAndState());
  }

  @Override
  public QueueOverview overview(Set<JobState> states) {
    return new QueueOverview(pauses.refresh(), jobs.countByTypeIn(states));
  }

  @Override
  public QueueState pause(JobType type) {
    QueueState state = pauses.pause(type, Instant.now());
    runner.wake();
    return state;
  }

  @Override
  public QueueState resume(JobType type) {
    QueueState state = pauses.resume(type);
    runner.wake();
    return state;
  }
}
