package frame.core.api;

import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueOverview;
import frame.core.api.jobs.QueueState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The job queue as a whole: what is paused, how much waits, pausing and resuming. */
public interface Queue {
  /** Whether the queue (or which job types) is paused, and the jobs per type and state. */
  QueueOverview overview();

  /**
   * The overview counting only the jobs in {@code states}, the others left out: the status bar's
   * waiting, running and failed jobs without reading the completed ones, most of a library's jobs.
   */
  default QueueOverview overview(Set<JobState> states) {
    QueueOverview all = overview();
    Map<JobType, Map<JobState, Long>> counts = new EnumMap<>(JobType.class);
    all.counts().forEach((type, byState) -> byState.forEach((state, n) -> {
      if (states.contains(state)) counts.computeIfAbsent(type, t -> new EnumMap<>(JobState.class)).put(state, n);
    }));
    return new QueueOverview(all.state(), counts);
  }

  /**
   * Pauses the whole queue ({@code type} null) or one job type: running jobs finish, nothing new
   * starts, until {@link #resume}. Kept in the database, so it survives a restart.
   */
  QueueState pause(JobType type);

  /** Resumes one job type, or everything ({@code type} null: the whole queue and every paused type). */
  QueueState resume(JobType type);
}
