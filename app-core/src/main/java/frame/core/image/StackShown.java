package frame.core.image;

import frame.core.db.Jdbc.Tx;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * What a folded stack shows, kept in the stack table so a folded page reads it by key instead of
 * grouping every stack: the shown photo (the top, or when the top is in the trash the stack's
 * oldest photo still in the library) and how many of its photos are in the library. Worked out
 * again, in the same transaction, wherever a stack's members, its top or their trash state change.
 */
public final class StackShown {
  private static final String RECOUNT = """
      UPDATE stack SET
        photo_count = (SELECT COUNT(*) FROM image m WHERE m.stack_id = stack.id AND m.removed_at IS NULL),
        shown_image_id = COALESCE(
          (SELECT m.id FROM image m WHERE m.id = stack.top_image_id AND m.stack_id = stack.id AND m.removed_at IS NULL),
          (SELECT MIN(m.id) FROM image m WHERE m.stack_id = stack.id AND m.removed_at IS NULL))
      """;

  private StackShown() {}

  /** Works out one stack's shown photo and count again. */
  public static void update(Tx tx, long stackId) throws SQLException {
    tx.update(RECOUNT + " WHERE id = ?", stackId);
  }

  /** Works out again the stacks these photos are in (a trash or a restore of them); photos in no stack change nothing. */
  public static void updateStacksOf(Tx tx, Collection<Long> imageIds) throws SQLException {
    List<Long> ids = List.copyOf(imageIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(", ", chunk.stream().map(id -> "?").toList());
      tx.update(RECOUNT + " WHERE id IN (SELECT stack_id FROM image WHERE stack_id IS NOT NULL AND id IN (" + marks + "))",
          chunk.toArray());
    }
  }
}
