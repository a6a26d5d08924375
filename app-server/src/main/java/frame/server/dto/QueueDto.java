package frame.server.dto;

import frame.core.api.jobs.QueueOverview;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue as the admin API shows it: {@code status} is "running", "paused" or "paused: TYPE, ...";
 * counts per state, and per type and state.
 */
public record QueueDto(String status, boolean paused, List<String> pausedTypes, Map<String, Long> counts,
    Map<String, Map<String, Long>> byType) {

  public static QueueDto of(QueueOverview queue) {
    Map<String, Long> counts = new LinkedHashMap<>();
    queue.totals().forEach((state, n) -> counts.put(state.name(), n));
    Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
    for (JobType type : JobType.values()) {
      Map<JobState, Long> ofType = queue.counts().get(type);
      if (ofType == null) continue;
      Map<String, Long> states = new LinkedHashMap<>();
      ofType.forEach((state, n) -> states.put(state.name(), n));
      byType.put(type.name(), states);
    }
    return new QueueDto(queue.state().describe(), queue.state().wholeQueuePaused(),
        queue.state().pausedTypes().stream().map(JobType::name).sorted().toList(), counts, byType);
  }
}
