package frame.core.job;

import frame.core.api.jobs.JobType;

import java.util.List;

/** What a handler says happens next: the job is done, and these jobs follow it. */
public record JobOutcome(List<JobType> followUps) {
  public static JobOutcome completed() {
    return new JobOutcome(List.of());
  }

  public static JobOutcome completedThen(JobType... next) {
    return new JobOutcome(List.of(next));
  }
}
