package frame.core.culling;

import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import frame.core.api.library.ImageFormat;
import frame.core.image.StackShown;
import java.sql.SQLException;
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

  void saveHash(long imageId, long hash) {
    jdbc.update("UPDATE image SET perceptual_hash = ? WHERE id = ?", hash, imageId);
  }

  void saveSharpness(long imageId, double sharpness) {
    jdbc.update("UPDATE image SET sharpness = ? WHERE id = ?", sharpness, imageId);
  }

  void saveMeasures(long imageId, long hash, double sharpness) {
    jdbc.update("UPDATE image SET perceptual_hash = ?, sharpness = ? WHERE id = ?", hash, sharpness, imageId);
  }

  Optional<Candidate> candidate(long imageId) {
    return jdbc.queryOne(CANDIDATE + " WHERE id = ?", StackRepository::candidate, imageId);
  }

  /** Photos in the library taken between two times (ISO local date-times), or without a time when both are null. */
  List<Candidate> takenBetween(String from, String to) {
    return from == null
        ? jdbc.query(CANDIDATE + " WHERE removed_at IS NULL AND taken_at IS NULL", StackRepository::candidate)
        : jdbc.query(CANDIDATE + " WHERE removed_at IS NULL AND taken_at >= ? AND taken_at <= ?",
            StackRepository::candidate, from, to);
  }

  /** Every hashed photo in the library: near-duplicates are looked for across all of it. */
  List<Candidate> hashed() {
    return jdbc.query(CANDIDATE + " WHERE removed_at IS NULL AND perceptual_hash IS NOT NULL", StackRepository::candidate);
  }

  List<Candidate> members(long stackId) {
    return jdbc.query(CANDIDATE + " WHERE stack_id = ? AND removed_at IS NULL ORDER BY id", StackRepository::candidate, stackId);
  }

  long create(Tx tx, String kind, long top) throws SQLException {
    return tx.insert("INSERT INTO stack (kind, top_image_id, top_chosen) VALUES (?, ?, FALSE)", kind, top);
  }

  void join(Tx tx, long stackId, long imageId) throws SQLException {
    tx.update("UPDATE image SET stack_id = ? WHERE id = ?", stackId, imageId);
  }

  /** Moves every member of {@code from} into {@code into} and drops {@code from}. */
  void merge(Tx tx, long from, long into) throws SQLException {
    tx.update("UPDATE image SET stack_id = ? WHERE stack_id = ?", into, from);
    tx.update("DELETE FROM stack WHERE id = ?", from);
  }

  /** The stack's top: chosen by the photographer (kept until they choose again) or the sharpest. */
  record Top(long imageId, boolean chosen) {}

  Optional<Top> top(long stackId) {
    return jdbc.queryOne("SELECT top_image_id, top_chosen FROM stack WHERE id = ?",
        r -> new Top(r.getLong(1), r.getBoolean(2)), stackId);
  }

  /** A new top, and with it the photo the stack shows folded. */
  void setTop(long stackId, long imageId, boolean chosen) {
    jdbc.inTransaction(tx -> {
      tx.update("UPDATE stack SET top_image_id = ?, top_chosen = ? WHERE id = ?", imageId, chosen, stackId);
      StackShown.update(tx, stackId);
      return null;
    });
  }

  private static Candidate candidate(java.sql.ResultSet r) throws SQLException {
    return new Candidate(r.getLong("id"), Jdbc.nullableLong(r, "perceptual_hash"), r.getString("taken_at"),
        r.getString("camera_make"), r.getString("camera_model"), r.getString("original_name"),
        ImageFormat.valueOf(r.getString("format").strip()), Jdbc.nullableLong(r, "stack_id"),
        Jdbc.nullableDouble(r, "sharpness"));
  }
}
