package frame.core.api.jobs;

import java.util.EnumMap;
import java.util.Map;

/** The queue at a glance: what is paused, and how many jobs of each type are in each state. */
public record QueueOverview(QueueState state, Map<JobType, Map<JobState, Long>> counts) {
  /** Jobs per state over every type. */
  public Map<JobState, Long> totals() {
    Map<JobState, Long> totals = new EnumMap<>(JobState.class);
    for (JobState s : JobState.values()) totals.put(s, 0L);
    counts.values().forEach(byState -> byState.forEach((s, n) -> totals.merge(s, n, Long::sum)));
    return totals;
  }

  public long count(JobType type, JobState jobState) {
    return counts.getOrDefault(type, Map.of()).getOrDefault(jobState, 0L);
  }
}
