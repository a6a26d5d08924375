package frame.core.image;

import frame.core.api.culling.CullFilter;
import java.util.List;

/** A {@link CullFilter} as SQL conditions on the image table, for every query that lists photos. */
public final class CullSql {
  private CullSql() {}

  /** Appends " AND ..." conditions for {@code filter} (nothing when it does not filter) and their parameters. */
  public static void append(CullFilter filter, StringBuilder where, List<Object> params) {
    if (filter == null) return;
    if (filter.flags() != null) {
      where.append(switch (filter.flags()) {
        case PICKS -> " AND flag = 'PICK'";
        case REJECTS -> " AND flag = 'REJECT'";
        case UNFLAGGED -> " AND flag IS NULL";
      });
    }
    if (filter.unratedOnly()) where.append(" AND (rating IS NULL OR rating = 0)");
    if (filter.minRating() > 0) {
      where.append(" AND rating >= ?");
      params.add(filter.minRating());
    }
    if (filter.shoot() != null) {
      where.append(" AND shoot_id = ?");
      params.add(filter.shoot());
    }
  }
}
