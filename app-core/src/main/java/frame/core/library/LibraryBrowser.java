package frame.core.library;

import frame.core.image.CullSql;
import frame.core.image.ListingSql;
import frame.core.api.library.LibraryQuery;

import frame.core.db.Jdbc;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.api.library.ImageState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The library grid's SQL: a page of a query, its size, its ids; the window holds only pages on screen. */
public final class LibraryBrowser {
  private final Jdbc jdbc;

  public LibraryBrowser(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public List<Image> page(LibraryQuery query, int offset, int limit) {
    if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be between 1 and 1000");
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
    ListingSql listing = Filter.of(query).listing(query);
    List<Object> params = new ArrayList<>(listing.params());
    params.add(limit);
    params.add(offset);
    return jdbc.query("SELECT image.* " + listing.fromWhere() + " ORDER BY " + listing.orderBy() + " " + listing.limit(jdbc.dialect()),
        ImageRepository::map, params.toArray());
  }

  /** How many tiles the query gives: a folded stack counts once. */
  public long count(LibraryQuery query) {
    ListingSql listing = Filter.of(query).listing(query);
    return jdbc.queryOne("SELECT COUNT(*) " + listing.fromWhere(), r -> r.getLong(1), listing.params().toArray())
        .orElse(0L);
  }

  /** Every id the query matches, in its order (a selection of all: 8 bytes a photo, not a row). */
  public List<Long> ids(LibraryQuery query) {
    ListingSql listing = Filter.of(query).listing(query);
    return jdbc.query("SELECT image.id " + listing.fromWhere() + " ORDER BY " + listing.orderBy(),
        r -> r.getLong(1), listing.params().toArray());
  }

  public Map<ImageState, Long> countsByState() {
    Map<ImageState, Long> counts = new EnumMap<>(ImageState.class);
    for (ImageState state : ImageState.values()) counts.put(state, 0L);
    jdbc.query("SELECT state, COUNT(*) FROM image WHERE removed_at IS NULL GROUP BY state",
        r -> counts.put(ImageState.valueOf(r.getString(1).trim()), r.getLong(2)));
    return counts;
  }

  private record Filter(String where, List<Object> params) {
    ListingSql listing(LibraryQuery query) {
      return ListingSql.of(query.order(), query.cull().stacks(), where, params);
    }

    static Filter of(LibraryQuery query) {
      StringBuilder where = new StringBuilder(ListingSql.LIBRARY);
      List<Object> params = new ArrayList<>();
      if (!query.states().isEmpty()) {
        where.append(" AND state IN (").append(String.join(", ", query.states().stream().map(s -> "?").toList())).append(')');
        query.states().stream().sorted().forEach(params::add);
      }
      if (!query.nameContains().isEmpty()) {
        where.append(" AND LOWER(original_name) LIKE ? ESCAPE '!'");
        params.add("%" + escapeLike(query.nameContains().toLowerCase(Locale.ROOT)) + "%");
      }
      CullSql.append(query.cull(), where, params);
      return new Filter(where.toString(), params);
    }

    private static String escapeLike(String text) {
      return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
  }
}
