package frame.core.image;

import frame.core.api.library.LibraryOrder;

/** A {@link LibraryOrder} as SQL over the image table, for every query that lists photos in an order. */
public final class OrderSql {
  /** Each stack's newest photo id, so a stack sorts where that photo would. */
  private static final String STACK_NEWEST = """
      FROM image LEFT JOIN (
        SELECT stack_id AS grouped_stack, MAX(id) AS stack_newest FROM image
        WHERE stack_id IS NOT NULL AND removed_at IS NULL GROUP BY stack_id
      ) stacks ON stacks.grouped_stack = image.stack_id
      """;

  private OrderSql() {}

  /** What follows {@code SELECT image.*} (or {@code SELECT image.id}) up to the WHERE clause. */
  public static String from(LibraryOrder order) {
    return order == LibraryOrder.STACKS_SHARPEST_FIRST ? STACK_NEWEST : "FROM image ";
  }

  /** The ORDER BY expressions; ids break ties so pages never overlap. */
  public static String orderBy(LibraryOrder order) {
    return switch (order) {
      case ADDED_NEWEST -> "image.id DESC";
      case TAKEN_NEWEST -> "image.taken_at DESC NULLS LAST, image.id DESC";
      case TAKEN_OLDEST -> "image.taken_at ASC NULLS LAST, image.id ASC";
      case SHARPEST -> "image.sharpness DESC NULLS LAST, image.id DESC";
      case STACKS_SHARPEST_FIRST -> "COALESCE(stacks.stack_newest, image.id) DESC, image.sharpness DESC NULLS LAST, image.id DESC";
    };
  }
}
