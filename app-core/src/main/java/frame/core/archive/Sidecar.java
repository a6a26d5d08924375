package frame.core.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ShootSource;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * The small JSON beside each archived original: enough to rebuild the library from the archive
 * alone (hash, name, dates, camera, size, shoot, ratings, and whether it was removed). Format 1
 * (before culling) wrote {@code shoot} and {@code ratings} as null; both formats are read.
 */
final class Sidecar {
  static final int FORMAT = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sidecar() {}

  /** What the catalogue knows of a photo beyond its image row: its marks, shoot and removal. */
  record Marks(int rating, Flag flag, ColorLabel label, ArchivedPhoto.ArchivedShoot shoot, Instant removedAt) {
    static final Marks NONE = new Marks(0, null, null, null, null);
  }

  static byte[] of(Image image) {
    return of(image, Marks.NONE);
  }

  static byte[] of(Image image, Marks marks) {
    ObjectNode node = JSON.createObjectNode();
    node.put("frameSidecar", FORMAT);
    node.put("sha256", image.sha256());
    node.put("originalName", image.originalName());
    node.put("format", image.format().name());
    node.put("size", image.byteSize());
    node.put("width", image.width());
    node.put("height", image.height());
    node.put("takenAt", image.takenAt());
    node.put("cameraMake", image.cameraMake());
    node.put("cameraModel", image.cameraModel());
    node.put("importedAt", image.createdAt().toString());
    if (marks.shoot() == null) {
      node.putNull("shoot");
    } else {
      ObjectNode shoot = node.putObject("shoot");
      shoot.put("name", marks.shoot().name());
      shoot.put("source", marks.shoot().source().name());
      shoot.put("createdAt", marks.shoot().createdAt().toString());
    }
    ObjectNode ratings = node.putObject("ratings");
    ratings.put("rating", marks.rating());
    ratings.put("flag", marks.flag() == null ? null : marks.flag().wire());
    ratings.put("label", marks.label() == null ? null : marks.label().wire());
    node.put("removedAt", marks.removedAt() == null ? null : marks.removedAt().toString());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("a sidecar always serialises", e);
    }
  }

  /** The SHA-256 a sidecar names, or null when it is not one of FRAME's sidecars. */
  static String sha256In(byte[] json) {
    try {
      var node = JSON.readTree(json);
      return node != null && node.hasNonNull("sha256") ? node.get("sha256").asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Reads a sidecar of either format; throws {@link IllegalArgumentException} saying why when it
   * is not one (broken JSON, no SHA-256, a value out of range).
   */
  static ArchivedPhoto read(byte[] json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (node == null || !node.isObject() || !node.hasNonNull("frameSidecar")) {
      throw new IllegalArgumentException("not a FRAME sidecar");
    }
    String sha256 = text(node, "sha256");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("no SHA-256 in it");
    JsonNode ratings = node.path("ratings");
    JsonNode shoot = node.path("shoot");
    int rating = ratings.path("rating").asInt(0);
    if (rating < 0 || rating > 5) throw new IllegalArgumentException("a rating of " + rating);
    try {
      return photo(node, sha256, rating, ratings, shoot);
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      throw new IllegalArgumentException("a value FRAME cannot read (" + e.getMessage() + ")");
    }
  }

  private static ArchivedPhoto photo(JsonNode node, String sha256, int rating, JsonNode ratings, JsonNode shoot) {
    String format = text(node, "format");
    return new ArchivedPhoto(sha256, text(node, "originalName"),
        format == null ? null : ImageFormat.valueOf(format.toUpperCase(Locale.ROOT)),
        node.path("size").asLong(-1), node.path("width").asInt(0), node.path("height").asInt(0),
        text(node, "takenAt"), text(node, "cameraMake"), text(node, "cameraModel"), instant(node, "importedAt"),
        shoot.isObject() && text(shoot, "name") != null
            ? new ArchivedPhoto.ArchivedShoot(text(shoot, "name"),
                ShootSource.valueOf(text(shoot, "source") == null ? "FOLDER" : text(shoot, "source")),
                instant(shoot, "createdAt"))
            : null,
        rating, text(ratings, "flag") == null ? null : Flag.parse(text(ratings, "flag")),
        text(ratings, "label") == null ? null : ColorLabel.parse(text(ratings, "label")), instant(node, "removedAt"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : Instant.parse(text);
  }
}
