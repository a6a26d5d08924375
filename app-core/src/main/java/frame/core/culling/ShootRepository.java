package frame.core.culling;

import frame.core.api.culling.Shoot;
import frame.core.api.culling.ShootSource;
import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The one place that knows shoot SQL. */
public final class ShootRepository {
  /** Photos of one name and source arriving within this long of the shoot's start join it (a phone session). */
  static final Duration SESSION = Duration.ofHours(6);

  private static final String SELECT = """
      SELECT s.id, s.name, s.source, s.created_at,
             MIN(i.taken_at) AS first_taken, MAX(i.taken_at) AS last_taken, COUNT(i.id) AS photos,
             SUM(CASE WHEN i.flag = 'PICK' THEN 1 ELSE 0 END) AS picks,
             SUM(CASE WHEN i.flag = 'REJECT' THEN 1 ELSE 0 END) AS rejects
      FROM shoot s JOIN image i ON i.shoot_id = s.id AND i.removed_at IS NULL
      """;
  private static final String GROUP = " GROUP BY s.id, s.name, s.source, s.created_at";

  private final Jdbc jdbc;

  public ShootRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The shoot a photo of this import joins: the same name and source begun lately, else a new one. */
  public long idFor(Tx tx, String name, ShootSource source, Instant now) throws SQLException {
    Optional<Long> open = tx.queryOne("""
        SELECT id FROM shoot WHERE name = ? AND source = ? AND created_at >= ? ORDER BY id DESC LIMIT 1
        """, r -> r.getLong(1), name, source, now.minus(SESSION).toEpochMilli());
    if (open.isPresent()) return open.get();
    return tx.insert("INSERT INTO shoot (name, source, created_at) VALUES (?, ?, ?)", name, source, now.toEpochMilli());
  }

  List<Shoot> list() {
    return jdbc.query(SELECT + GROUP + " ORDER BY s.created_at DESC, s.id DESC", ShootRepository::map);
  }

  Optional<Shoot> find(long id) {
    return jdbc.queryOne(SELECT + " WHERE s.id = ?" + GROUP, ShootRepository::map, id);
  }

  boolean rename(long id, String name) {
    return jdbc.update("UPDATE shoot SET name = ? WHERE id = ?", name, id) == 1;
  }

  private static Shoot map(ResultSet r) throws SQLException {
    return new Shoot(r.getLong("id"), r.getString("name"), ShootSource.valueOf(r.getString("source").strip()),
        Instant.ofEpochMilli(r.getLong("created_at")), r.getString("first_taken"), r.getString("last_taken"),
        r.getInt("photos"), r.getInt("picks"), r.getInt("rejects"));
  }
}
