package frame.core.api.jobs;

/**
 * Which due jobs go first: work a photographer just asked for (a photo dropped or uploaded, a
 * small import) before the photos of a large import, and both before work FRAME or an admin does
 * in the background (regenerating files, a backfill). So a photo dropped while an old archive goes
 * in, or during a long regeneration, still gets its thumbnail at once. Stored as its
 * {@link #rank()}; lower ranks are claimed first.
 */
public enum JobPriority {
  FRESH(0),
  /** The photos of a large import (see {@code ImportSources.LARGE_IMPORT_FILES}). */
  BULK(5),
  BACKGROUND(10);

  private final int rank;

  JobPriority(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  /** The level a stored rank belongs to: the first whose rank is at least it. */
  public static JobPriority ofRank(int rank) {
    for (JobPriority priority : values()) {
      if (rank <= priority.rank) return priority;
    }
    return BACKGROUND;
  }
}
