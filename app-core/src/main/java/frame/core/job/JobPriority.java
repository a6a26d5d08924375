package frame.core.job;

/**
 * Which due jobs go first: work a photographer just asked for (an upload, an import) before work
 * FRAME or an admin does in the background (regenerating files, a backfill), so a photo dropped
 * during a long regeneration still gets its thumbnail at once. Stored as its {@link #rank()}; lower
 * ranks are claimed first.
 */
public enum JobPriority {
  FRESH(0),
  BACKGROUND(10);

  private final int rank;

  JobPriority(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  public static JobPriority ofRank(int rank) {
    return rank <= FRESH.rank ? FRESH : BACKGROUND;
  }
}
