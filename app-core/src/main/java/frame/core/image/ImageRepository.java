package frame.core.image;

import frame.core.api.library.ExifSummary;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;

import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The one place that knows image SQL. */
public final class ImageRepository {
  private final Jdbc jdbc;

  public ImageRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** What ingest knows about a new image before its row exists. */
  public record NewImage(
      String sha256, ImageFormat format, int width, int height, long byteSize,
      String originalName, String takenAt, String cameraMake, String cameraModel) {}

  public long insert(Tx tx, NewImage image, Instant now) throws SQLException {
    return tx.insert("""
        INSERT INTO image (sha256, state, format, width, height, byte_size, original_name,
                           taken_at, camera_make, camera_model, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        image.sha256(), ImageState.INGESTED, image.format(), image.width(), image.height(),
        image.byteSize(), image.originalName(), image.takenAt(), image.cameraMake(),
        image.cameraModel(), now.toEpochMilli(), now.toEpochMilli());
  }

  public Optional<Image> find(long id) {
    return jdbc.queryOne("SELECT * FROM image WHERE id = ?", ImageRepository::map, id);
  }

  public Optional<Image> find(Tx tx, long id) throws SQLException {
    return tx.queryOne("SELECT * FROM image WHERE id = ?", ImageRepository::map, id);
  }

  public Optional<Image> findBySha256(String sha256) {
    return jdbc.queryOne("SELECT * FROM image WHERE sha256 = ?", ImageRepository::map, sha256);
  }

  public List<Image> list(ImageQuery query) {
    List<Object> params = new ArrayList<>();
    // removed photos wait in the trash, out of every list
    ListingSql listing = ListingSql.of(query.order(), query.cull().stacks(), where(query, params), params);
    List<Object> all = new ArrayList<>(listing.params());
    all.add(query.limit());
    all.add(query.offset());
    return jdbc.query("SELECT image.* " + listing.fromWhere() + " ORDER BY " + listing.orderBy() + " " + listing.limit(jdbc.dialect()),
        ImageRepository::map, all.toArray());
  }

  private static String where(ImageQuery query, List<Object> params) {
    StringBuilder where = new StringBuilder(ListingSql.LIBRARY);
    if (query.state() != null) {
      where.append(" AND state = ?");
      params.add(query.state());
    }
    CullSql.append(query.cull(), where, params);
    return where.toString();
  }

  /** How many images the query matches, every page together. */
  public long count(ImageQuery query) {
    List<Object> params = new ArrayList<>();
    ListingSql listing = ListingSql.of(query.order(), query.cull().stacks(), where(query, params), params);
    return jdbc.queryOne("SELECT COUNT(*) " + listing.fromWhere(), r -> r.getLong(1), listing.params().toArray())
        .orElse(0L);
  }

  /** Ids of the images in {@code state} (every image when it is null), oldest first. */
  public List<Long> ids(ImageState state) {
    return state == null
        ? jdbc.query("SELECT id FROM image ORDER BY id", r -> r.getLong(1))
        : jdbc.query("SELECT id FROM image WHERE state = ? ORDER BY id", r -> r.getLong(1), state.name());
  }

  public long count(ImageState state) {
    return state == null
        ? jdbc.queryOne("SELECT COUNT(*) FROM image WHERE removed_at IS NULL", r -> r.getLong(1)).orElse(0L)
        : jdbc.queryOne("SELECT COUNT(*) FROM image WHERE removed_at IS NULL AND state = ?", r -> r.getLong(1), state.name()).orElse(0L);
  }

  /**
   * Moves an image along its lifecycle if it is still in {@code from}; the row lock this takes
   * also serialises the completions of one image's jobs. The reason is kept without the line
   * break a native library's message may end in (libheif's do), so no front end prints one.
   */
  public boolean transition(Tx tx, long id, ImageState from, ImageState to, String reason, Instant now)
      throws SQLException {
    if (!from.canBecome(to)) throw new IllegalStateException("An image cannot go from " + from + " to " + to);
    return tx.update(
            "UPDATE image SET state = ?, failure_reason = ?, updated_at = ? WHERE id = ? AND state = ?",
            to, reason == null ? null : reason.strip(), now.toEpochMilli(), id, from) == 1;
  }

  /** Locks the image row for the rest of the transaction. */
  public void lock(Tx tx, long id, Instant now) throws SQLException {
    tx.update("UPDATE image SET updated_at = ? WHERE id = ?", now.toEpochMilli(), id);
  }

  public void saveExif(Tx tx, long imageId, ExifSummary exif) throws SQLException {
    tx.update("DELETE FROM image_exif WHERE image_id = ?", imageId);
    tx.update("""
        INSERT INTO image_exif (image_id, taken_at, camera_make, camera_model, lens, exposure_time,
                                f_number, iso, focal_length, gps_latitude, gps_longitude,
                                directories, problems)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        imageId, exif.takenAt(), exif.cameraMake(), exif.cameraModel(), exif.lens(),
        exif.exposureTime(), exif.fNumber(), exif.iso(), exif.focalLength(),
        exif.gpsLatitude(), exif.gpsLongitude(), exif.directoriesJson(), exif.problems());
  }

  public Optional<ExifSummary> exif(long imageId) {
    return jdbc.queryOne("SELECT * FROM image_exif WHERE image_id = ?", r -> new ExifSummary(
        r.getString("taken_at"), r.getString("camera_make"), r.getString("camera_model"),
        r.getString("lens"), r.getString("exposure_time"), Jdbc.nullableDouble(r, "f_number"),
        Jdbc.nullableInt(r, "iso"), Jdbc.nullableDouble(r, "focal_length"),
        Jdbc.nullableDouble(r, "gps_latitude"), Jdbc.nullableDouble(r, "gps_longitude"),
        r.getString("directories"), r.getString("problems")), imageId);
  }

  /**
   * The image columns of a table aliased {@code i}, each under an {@code i_} label, for a query that
   * joins image rows to another table's (whose own columns keep their names); read them with
   * {@link #mapJoined}.
   */
  public static final String JOINED_COLUMNS = """
      i.id AS i_id, i.sha256 AS i_sha256, i.state AS i_state, i.format AS i_format, i.width AS i_width,
      i.height AS i_height, i.byte_size AS i_byte_size, i.original_name AS i_original_name,
      i.taken_at AS i_taken_at, i.camera_make AS i_camera_make, i.camera_model AS i_camera_model,
      i.failure_reason AS i_failure_reason, i.created_at AS i_created_at, i.updated_at AS i_updated_at,
      i.removed_at AS i_removed_at""";

  /** The image of a row selected with {@link #JOINED_COLUMNS}; null when an outer join found none. */
  public static Image mapJoined(ResultSet r) throws SQLException {
    return Jdbc.nullableLong(r, "i_id") == null ? null : map(r, "i_");
  }

  /** Whether the image of a row selected with {@link #JOINED_COLUMNS} waits in the trash. */
  public static boolean removedJoined(ResultSet r) throws SQLException {
    return r.getObject("i_removed_at") != null;
  }

  public static Image map(ResultSet r) throws SQLException {
    return map(r, "");
  }

  private static Image map(ResultSet r, String prefix) throws SQLException {
    return new Image(
        r.getLong(prefix + "id"),
        r.getString(prefix + "sha256").trim(),
        ImageState.valueOf(r.getString(prefix + "state")),
        ImageFormat.valueOf(r.getString(prefix + "format")),
        r.getInt(prefix + "width"),
        r.getInt(prefix + "height"),
        r.getLong(prefix + "byte_size"),
        r.getString(prefix + "original_name"),
        r.getString(prefix + "taken_at"),
        r.getString(prefix + "camera_make"),
        r.getString(prefix + "camera_model"),
        r.getString(prefix + "failure_reason"),
        Instant.ofEpochMilli(r.getLong(prefix + "created_at")),
        Instant.ofEpochMilli(r.getLong(prefix + "updated_at")));
  }
}
