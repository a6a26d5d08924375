package frame.core.archive;

import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ShootSource;
import frame.core.api.library.ImageFormat;
import java.time.Instant;

/**
 * What an archive knows about one of its originals, from the sidecar beside it: enough to put the
 * photo back in a library. A sidecar of the first format (written before shoots and culling) has
 * no shoot, no marks and no removal: {@code shoot} and {@code removedAt} are null and
 * {@code rating} 0.
 */
public record ArchivedPhoto(String sha256, String originalName, ImageFormat format, long size, int width, int height,
    String takenAt, String cameraMake, String cameraModel, Instant importedAt, ArchivedShoot shoot, int rating,
    Flag flag, ColorLabel label, Instant removedAt) {

  /** The shoot a photo was imported in: its name, where it came from and when it began. */
  public record ArchivedShoot(String name, ShootSource source, Instant createdAt) {}

  /** Whether the photo was in the trash (or deleted for good) when its sidecar was last written. */
  public boolean removed() {
    return removedAt != null;
  }
}
