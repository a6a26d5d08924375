package frame.core.image;

import frame.core.api.culling.StackFold;
import frame.core.api.library.LibraryOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list of photos as SQL: its FROM and WHERE (after {@code SELECT image.*}, {@code image.id} or
 * {@code COUNT(*)}) and its ORDER BY, with the parameters in their order. Folded, each stack shows
 * one photo among those the filters let through: its top, or when the top does not match (or is in
 * the trash) its first matching frame; an unfolded stack's frames follow that photo, sharpest first.
 */
public record ListingSql(String fromWhere, String orderBy, List<Object> params) {
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

  /** Top first, then the other frames of an open stack, sharpest first. */
  private static final String WITHIN = "CASE WHEN image.id = fold.fold_top THEN 0 ELSE 1 END, "
      + "image.sharpness DESC NULLS LAST, image.id DESC";
  private static final String ANCHOR = "COALESCE(fold.fold_top, image.id)";

  /** {@code where} starts with WHERE and names image columns unqualified; {@code params} are its own. */
  public static ListingSql of(LibraryOrder order, StackFold fold, String where, List<Object> params) {
    if (!fold.folded()) return new ListingSql(OrderSql.from(order) + where, OrderSql.orderBy(order), List.copyOf(params));
    List<Object> all = new ArrayList<>(params);
    all.addAll(params);
    // ids inlined: they are numbers, and the same list serves both the page and its count
    String open = fold.unfolded().isEmpty() ? "" : " OR image.stack_id IN ("
        + fold.unfolded().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    String fromWhere = SHOWN.formatted(where) + where + " AND (image.stack_id IS NULL OR image.id = fold.fold_top" + open + ")";
    return new ListingSql(fromWhere, foldedOrder(order), all);
  }

  private static String foldedOrder(LibraryOrder order) {
    return switch (order) {
      case ADDED_NEWEST -> ANCHOR + " DESC, " + WITHIN;
      case TAKEN_NEWEST -> anchored("taken_at") + " DESC NULLS LAST, " + ANCHOR + " DESC, " + WITHIN;
      case TAKEN_OLDEST -> anchored("taken_at") + " ASC NULLS LAST, " + ANCHOR + " ASC, " + WITHIN;
      case SHARPEST -> anchored("sharpness") + " DESC NULLS LAST, " + ANCHOR + " DESC, " + WITHIN;
      case STACKS_SHARPEST_FIRST -> "COALESCE(fold.fold_newest, image.id) DESC, " + WITHIN;
    };
  }

  /** A stacked photo sorts by its shown photo's value, so an open stack's frames stay where its top is. */
  private static String anchored(String column) {
    return "CASE WHEN fold.fold_top IS NULL THEN image." + column + " ELSE fold.fold_" + column + " END";
  }
}
