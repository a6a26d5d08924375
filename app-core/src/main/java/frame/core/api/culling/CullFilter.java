package frame.core.api.culling;

/**
 * The culling filters of the library and the API: picks, rejects or unflagged photos, unrated ones,
 * at least N stars, one shoot; each part null or 0 when it does not filter. {@code stacks} says
 * whether each stack shows as one photo (its top); it hides frames, it does not filter photos.
 */
public record CullFilter(FlagFilter flags, boolean unratedOnly, int minRating, Long shoot, StackFold stacks) {
  public enum FlagFilter { PICKS, REJECTS, UNFLAGGED }

  public CullFilter(FlagFilter flags, boolean unratedOnly, int minRating, Long shoot) {
    this(flags, unratedOnly, minRating, shoot, StackFold.FLAT);
  }

  public CullFilter {
    stacks = stacks == null ? StackFold.FLAT : stacks;
    if (minRating < 0 || minRating > 5) throw new IllegalArgumentException("rating must be between 0 and 5");
    if (unratedOnly && minRating > 0) throw new IllegalArgumentException("unrated photos have no stars");
  }

  public static final CullFilter NONE = new CullFilter(null, false, 0, null);

  public static CullFilter picks() {
    return new CullFilter(FlagFilter.PICKS, false, 0, null);
  }

  public static CullFilter rejects() {
    return new CullFilter(FlagFilter.REJECTS, false, 0, null);
  }

  public static CullFilter unrated() {
    return new CullFilter(null, true, 0, null);
  }

  public static CullFilter atLeast(int stars) {
    return new CullFilter(null, false, stars, null);
  }

  public CullFilter inShoot(Long shootId) {
    return new CullFilter(flags, unratedOnly, minRating, shootId, stacks);
  }

  public CullFilter withStacks(StackFold fold) {
    return new CullFilter(flags, unratedOnly, minRating, shoot, fold);
  }

  public boolean filters() {
    return flags != null || unratedOnly || minRating > 0 || shoot != null;
  }
}
