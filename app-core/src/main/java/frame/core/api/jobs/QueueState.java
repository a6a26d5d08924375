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

  /** Whether a photo can still become PROCESSED: a paused archive or analysis type does not stop it. */
  public boolean holdsBackProcessing() {
    return wholeQueuePaused || pausedTypes.contains(JobType.OFFLOAD_ORIGINAL)
        || pausedTypes.stream().anyMatch(JobType.DERIVED::contains);
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
