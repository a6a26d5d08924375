package frame.core.api.jobs;

import java.util.Set;

/**
 * What is paused: the whole queue, or some job types. Running jobs always finish; a paused job is
 * simply not claimed. Persisted, so a pause survives a restart.
 */
public record QueueState(boolean wholeQueuePaused, Set<JobType> pausedTypes) {
  public static final QueueState RUNNING = new QueueState(false, Set.of());

  public QueueState {
    pausedTypes = Set.copyOf(pausedTypes);
  }

  public boolean paused(JobType type) {
    return wholeQueuePaused || pausedTypes.contains(type);
  }

  public boolean anythingPaused() {
    return wholeQueuePaused || !pausedTypes.isEmpty();
  }

  /** "running", "paused", or "paused: PREVIEW_GENERATION, ...". */
  public String describe() {
    if (wholeQueuePaused) return "paused";
    if (pausedTypes.isEmpty()) return "running";
    return "paused: " + String.join(", ", pausedTypes.stream().map(JobType::name).sorted().toList());
  }
}
