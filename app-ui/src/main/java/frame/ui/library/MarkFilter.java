package frame.ui.library;

import frame.core.api.culling.CullFilter;

/** The culling filter of the grid, as its menu offers it: flags, unrated, at least N stars. */
public enum MarkFilter {
  ALL("Any marks", CullFilter.NONE),
  PICKS("⚑ Picks", CullFilter.picks()),
  REJECTS("✕ Rejects", CullFilter.rejects()),
  UNFLAGGED("Unflagged", new CullFilter(CullFilter.FlagFilter.UNFLAGGED, false, 0, null)),
  UNRATED("Unrated", CullFilter.unrated()),
  ONE_STAR("★ or more", CullFilter.atLeast(1)),
  TWO_STARS("★★ or more", CullFilter.atLeast(2)),
  THREE_STARS("★★★ or more", CullFilter.atLeast(3)),
  FOUR_STARS("★★★★ or more", CullFilter.atLeast(4)),
  FIVE_STARS("★★★★★", CullFilter.atLeast(5));

  private final String label;
  final CullFilter filter;

  MarkFilter(String label, CullFilter filter) {
    this.label = label;
    this.filter = filter;
  }

  @Override
  public String toString() {
    return label;
  }
}
