package frame.core.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frame.core.api.library.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The small JSON beside each archived original: enough to rebuild the library from the archive
 * alone (hash, name, dates, camera, size, shoot, ratings). Shoots and ratings do not exist yet:
 * they are written as null so a later FRAME fills the same fields.
 */
final class Sidecar {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sidecar() {}

  static byte[] of(Image image) {
    ObjectNode node = JSON.createObjectNode();
    node.put("frameSidecar", 1);
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
    node.putNull("shoot");
    node.putNull("ratings");
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
}
