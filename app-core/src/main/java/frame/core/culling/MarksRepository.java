package frame.core.culling;

import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.MarkChange;
import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one place that knows the SQL of a photo's marks: stars, flag, label, and its stack's top. */
public final class MarksRepository {
  static final String SELECT = """
      SELECT i.id, i.rating, i.flag, i.label, i.shoot_id, i.stack_id, i.sharpness,
             COALESCE(s.shown_image_id, s.top_image_id) AS top_image_id,
             CASE WHEN i.stack_id IS NULL THEN 1 ELSE COALESCE(s.photo_count, 0) END AS stack_size
      FROM image i LEFT JOIN stack s ON s.id = i.stack_id
      """;

  private final Jdbc jdbc;

  public MarksRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies a change to a photo in the library; false when there is no such photo (or it is in the trash). */
  public boolean apply(Tx tx, long imageId, MarkChange change, Instant now) throws SQLException {
    StringBuilder set = new StringBuilder("updated_at = ?");
    List<Object> params = new java.util.ArrayList<>(List.of(now.toEpochMilli()));
    if (change.rating() != null) {
      set.append(", rating = ?");
      params.add(change.rating());
    }
    if (change.changesFlag()) {
      set.append(", flag = ?");
      params.add(change.flag());
    }
    if (change.changesLabel()) {
      set.append(", label = ?");
      params.add(change.label());
    }
    params.add(imageId);
    return tx.update("UPDATE image SET " + set + " WHERE id = ? AND removed_at IS NULL", params.toArray()) == 1;
  }

  public Map<Long, ImageMarks> find(Collection<Long> imageIds) {
    Map<Long, ImageMarks> found = new LinkedHashMap<>();
    if (imageIds.isEmpty()) return found;
    // in chunks: one statement per page of the grid, not per photo
    List<Long> ids = List.copyOf(imageIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(", ", chunk.stream().map(id -> "?").toList());
      jdbc.query(SELECT + " WHERE i.id IN (" + marks + ")", MarksRepository::map, chunk.toArray())
          .forEach(m -> found.put(m.imageId(), m));
    }
    return found;
  }

  public Optional<ImageMarks> find(long imageId) {
    return jdbc.queryOne(SELECT + " WHERE i.id = ?", MarksRepository::map, imageId);
  }

  /** Ids of the rejects in the library (of one shoot when {@code shootId} is not null). */
  List<Long> rejects(Long shootId) {
    return shootId == null
        ? jdbc.query("SELECT id FROM image WHERE flag = 'REJECT' AND removed_at IS NULL ORDER BY id", r -> r.getLong(1))
        : jdbc.query("SELECT id FROM image WHERE flag = 'REJECT' AND removed_at IS NULL AND shoot_id = ? ORDER BY id",
            r -> r.getLong(1), shootId);
  }

  static ImageMarks map(ResultSet r) throws SQLException {
    Integer rating = Jdbc.nullableInt(r, "rating");
    String flag = r.getString("flag");
    String label = r.getString("label");
    return new ImageMarks(r.getLong("id"), rating == null ? 0 : rating,
        flag == null ? null : Flag.valueOf(flag.strip()), label == null ? null : ColorLabel.valueOf(label.strip()),
        Jdbc.nullableLong(r, "shoot_id"), Jdbc.nullableLong(r, "stack_id"), Jdbc.nullableLong(r, "top_image_id"),
        Jdbc.nullableDouble(r, "sharpness"), r.getInt("stack_size"));
  }
}
