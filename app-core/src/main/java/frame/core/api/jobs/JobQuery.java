package frame.core.api.jobs;

/** Filters and a page for the jobs list; null filters match everything. */
public record JobQuery(JobState state, JobType type, Long imageId, int limit, int offset) {
  public JobQuery {
    if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be between 1 and 1000");
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
  }

  public static JobQuery forImage(long imageId) {
    return new JobQuery(null, null, imageId, 1000, 0);
  }
}
