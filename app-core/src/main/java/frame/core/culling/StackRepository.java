package frame.core.culling;

import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import frame.core.api.library.ImageFormat;
import frame.core.image.StackShown;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one place that knows the SQL of analysis results (hash, sharpness) and of stacks. */
final class StackRepository {
  /** What stacking needs to know about a photo. */
  record Candidate(long id, Long hash, String takenAt, String make, String model, String name, ImageFormat format,
      Long stack, Double sharpness) {}

  private static final String CANDIDATE = """
      SELECT id, perceptual_hash, taken_at, camera_make, camera_model, original_name, format, stack_id, sharpness
      FROM image
      """;

  private final Jdbc jdbc;

  StackRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The studio-wide lock of stacking ("FRAME-S" in ASCII): one photo is placed at a time in all nodes. */
  private static final long STACKING_LOCK = 0x4652414d452d53L;

  /**
   * Makes this transaction the only one placing photos in stacks, on every node, until it ends:
   * two nodes placing frames of one burst at once would each start a stack, or wait on each
   * other's rows. On HSQLDB (one process) the stacker's own lock does it.
   */
  void lockStacking(Tx tx) throws SQLException {
    Optional<String> lock = jdbc.dialect().transactionLock();
    if (lock.isPresent()) tx.query(lock.get(), r -> r.getInt(1), STACKING_LOCK);
  }

  /** Stores the measures given; a null one is left as it is (not measured by this step). */
  void saveMeasures(Tx tx, long imageId, Long hash, Double sharpness) throws SQLException {
    if (hash != null && sharpness != null) {
      tx.update("UPDATE image SET perceptual_hash = ?, sharpness = ? WHERE id = ?", hash, sharpness, imageId);
    } else if (hash != null) {
      tx.update("UPDATE image SET perceptual_hash = ? WHERE id = ?", hash, imageId);
    } else if (sharpness != null) {
      tx.update("UPDATE image SET sharpness = ? WHERE id = ?", sharpness, imageId);
    }
  }

  Optional<Candidate> candidate(long imageId) {
    return jdbc.inTransaction(tx -> candidate(tx, imageId));
  }

  Optional<Candidate> candidate(Tx tx, long imageId) throws SQLException {
    return tx.queryOne(CANDIDATE + " WHERE id = ?", StackRepository::candidate, imageId);
  }

  /** Photos in the library taken between two times (ISO local date-times), or without a time when both are null. */
  List<Candidate> takenBetween(Tx tx, String from, String to) throws SQLException {
    return from == null
        ? tx.query(CANDIDATE + " WHERE removed_at IS NULL AND taken_at IS NULL", StackRepository::candidate)
        : tx.query(CANDIDATE + " WHERE removed_at IS NULL AND taken_at >= ? AND taken_at <= ?",
            StackRepository::candidate, from, to);
  }

  /** Every hashed photo in the library: near-duplicates are looked for across all of it. */
  List<Candidate> hashed() {
    return jdbc.query(CANDIDATE + " WHERE removed_at IS NULL AND perceptual_hash IS NOT NULL", StackRepository::candidate);
  }

  List<Candidate> members(long stackId) {
    return jdbc.inTransaction(tx -> members(tx, stackId));
  }

  List<Candidate> members(Tx tx, long stackId) throws SQLException {
    return tx.query(CANDIDATE + " WHERE stack_id = ? AND removed_at IS NULL ORDER BY id", StackRepository::candidate, stackId);
  }

  long create(Tx tx, String kind, long top) throws SQLException {
    return tx.insert("INSERT INTO stack (kind, top_image_id, top_chosen) VALUES (?, ?, FALSE)", kind, top);
  }

  /**
   * Puts photos into a stack. Only the rows that change are written: in a burst of n frames most
   * are in the stack already, and writing them all again made a burst cost n squared writes.
   */
  void join(Tx tx, long stackId, List<Long> imageIds) throws SQLException {
    for (int from = 0; from < imageIds.size(); from += 500) {
      List<Long> chunk = imageIds.subList(from, Math.min(imageIds.size(), from + 500));
      List<Object> values = new ArrayList<>();
      values.add(stackId);
      values.addAll(chunk);
      values.add(stackId);
      tx.update("UPDATE image SET stack_id = ? WHERE id IN (" + String.join(", ", chunk.stream().map(id -> "?").toList())
          + ") AND (stack_id IS NULL OR stack_id <> ?)", values.toArray());
    }
  }

  /** Moves every member of {@code from} into {@code into} and drops {@code from}. */
  void merge(Tx tx, long from, long into) throws SQLException {
    tx.update("UPDATE image SET stack_id = ? WHERE stack_id = ?", into, from);
    tx.update("DELETE FROM stack WHERE id = ?", from);
  }

  /** The stack's top: chosen by the photographer (kept until they choose again) or the sharpest. */
  record Top(long imageId, boolean chosen) {}

  Optional<Top> top(Tx tx, long stackId) throws SQLException {
    return tx.queryOne("SELECT top_image_id, top_chosen FROM stack WHERE id = ?",
        r -> new Top(r.getLong(1), r.getBoolean(2)), stackId);
  }

  /** A new top; the caller works out again what the stack shows folded ({@link StackShown}). */
  void setTop(Tx tx, long stackId, long imageId, boolean chosen) throws SQLException {
    tx.update("UPDATE stack SET top_image_id = ?, top_chosen = ? WHERE id = ?", imageId, chosen, stackId);
  }

  private static Candidate candidate(java.sql.ResultSet r) throws SQLException {
    return new Candidate(r.getLong("id"), Jdbc.nullableLong(r, "perceptual_hash"), r.getString("taken_at"),
        r.getString("camera_make"), r.getString("camera_model"), r.getString("original_name"),
        ImageFormat.valueOf(r.getString("format").strip()), Jdbc.nullableLong(r, "stack_id"),
        Jdbc.nullableDouble(r, "sharpness"));
  }
}
