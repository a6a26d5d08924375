package frame.core.image;

import frame.core.api.culling.StackFold;
import frame.core.api.library.LibraryOrder;
import frame.core.db.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list of photos as SQL: its FROM and WHERE (after {@code SELECT image.*}, {@code image.id} or
 * {@code COUNT(*)}) and its ORDER BY, with the parameters in their order. Folded, each stack shows
 * one photo among those the filters let through: its top, or when the top does not match (or is in
 * the trash) its first matching frame; an unfolded stack's frames follow that photo, sharpest first.
 * The whole library folded reads that photo from the stack table (kept there as stacks change), so
 * its page is an indexed read; a filtered list works it out per stack among the matching photos.
 */
public record ListingSql(String fromWhere, String orderBy, List<Object> params, boolean indexedOrder) {
  /** The whole library: every photo not in the trash. Lists start from it and add their filters. */
  public static final String LIBRARY = "WHERE removed_at IS NULL";

  /**
   * Per stack, the photo shown folded and what the order needs of it. The filters of the list go
   * into it too (its columns are the image table's, unqualified: the stack table shares none).
   */
  private static final String SHOWN = """
      FROM image LEFT JOIN (
        SELECT tops.fold_stack, tops.fold_top, tops.fold_newest, t.taken_at AS fold_taken_at, t.sharpness AS fold_sharpness
        FROM (
          SELECT m.stack_id AS fold_stack, MAX(m.id) AS fold_newest,
                 COALESCE(MAX(CASE WHEN m.id = s.top_image_id THEN m.id END), MIN(m.id)) AS fold_top
          FROM image m LEFT JOIN stack s ON s.id = m.stack_id
          %s AND m.stack_id IS NOT NULL
          GROUP BY m.stack_id
        ) tops JOIN image t ON t.id = tops.fold_top
      ) fold ON fold.fold_stack = image.stack_id
      """;
  /** The whole library folded: each stack's shown photo as the stack table keeps it (see StackShown). */
  private static final String STORED = "FROM image LEFT JOIN stack fs ON fs.id = image.stack_id ";
  /** The shown photo's own row, which an opened stack's frames sort by. */
  private static final String STORED_TOP = "LEFT JOIN image ft ON ft.id = fs.shown_image_id ";

  /** Where the order finds each stack's shown photo and its values. */
  private record Anchor(String top, String takenAt, String sharpness, String newest) {}

  private static final Anchor DERIVED = new Anchor("fold.fold_top", "fold.fold_taken_at", "fold.fold_sharpness", "fold.fold_newest");
  private static final Anchor KEPT = new Anchor("fs.shown_image_id", "ft.taken_at", "ft.sharpness", null);

  /** {@code where} starts with WHERE ({@link #LIBRARY} and its filters) and names image columns unqualified; {@code params} are its own. */
  public static ListingSql of(LibraryOrder order, StackFold fold, String where, List<Object> params) {
    boolean library = where.equals(LIBRARY) && params.isEmpty();
    if (!fold.folded()) {
      return new ListingSql(OrderSql.from(order) + where, OrderSql.orderBy(order), List.copyOf(params), library);
    }
    // ids inlined: they are numbers, and the same list serves both the page and its count
    String open = fold.unfolded().isEmpty() ? "" : " OR image.stack_id IN ("
        + fold.unfolded().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    if (library && order != LibraryOrder.STACKS_SHARPEST_FIRST) return kept(order, fold, open);
    List<Object> all = new ArrayList<>(params);
    all.addAll(params);
    String fromWhere = SHOWN.formatted(where) + where + " AND (image.stack_id IS NULL OR image.id = fold.fold_top" + open + ")";
    return new ListingSql(fromWhere, foldedOrder(order, DERIVED), all, false);
  }

  /** The whole library folded: one row per stack read off the stack table; closed, the photos' own order serves. */
  private static ListingSql kept(LibraryOrder order, StackFold fold, String open) {
    boolean closed = fold.unfolded().isEmpty();
    // qualified: an opened stack's shown row is an image row too
    String fromWhere = STORED + (closed ? "" : STORED_TOP) + "WHERE image.removed_at IS NULL"
        + " AND (image.stack_id IS NULL OR image.id = fs.shown_image_id" + open + ")";
    // every stack closed: each row is its own anchor, so the plain order is the folded one
    return closed ? new ListingSql(fromWhere, OrderSql.orderBy(order), List.of(), true)
        : new ListingSql(fromWhere, foldedOrder(order, KEPT), List.of(), false);
  }

  /**
   * {@code LIMIT ? OFFSET ?}; on HSQLDB, over the whole library, with {@code USING INDEX}: its
   * planner otherwise filters on the trash index and sorts every photo, where walking the index of
   * the order stops after a page (PostgreSQL's planner does that by itself).
   */
  public String limit(Dialect dialect) {
    return "LIMIT ? OFFSET ?" + (indexedOrder && dialect == Dialect.HSQLDB ? " USING INDEX" : "");
  }

  private static String foldedOrder(LibraryOrder order, Anchor at) {
    String anchor = "COALESCE(" + at.top() + ", image.id)";
    String within = "CASE WHEN image.id = " + at.top() + " THEN 0 ELSE 1 END, image.sharpness DESC NULLS LAST, image.id DESC";
    return switch (order) {
      case ADDED_NEWEST -> anchor + " DESC, " + within;
      case TAKEN_NEWEST -> anchored(at, "taken_at", at.takenAt()) + " DESC NULLS LAST, " + anchor + " DESC, " + within;
      case TAKEN_OLDEST -> anchored(at, "taken_at", at.takenAt()) + " ASC NULLS LAST, " + anchor + " ASC, " + within;
      case SHARPEST -> anchored(at, "sharpness", at.sharpness()) + " DESC NULLS LAST, " + anchor + " DESC, " + within;
      case STACKS_SHARPEST_FIRST -> "COALESCE(" + at.newest() + ", image.id) DESC, " + within;
    };
  }

  /** A stacked photo sorts by its shown photo's value, so an open stack's frames stay where its top is. */
  private static String anchored(Anchor at, String column, String shownValue) {
    return "CASE WHEN " + at.top() + " IS NULL THEN image." + column + " ELSE " + shownValue + " END";
  }
}
