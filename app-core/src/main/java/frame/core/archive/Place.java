package frame.core.archive;

import frame.core.api.archive.ArchiveTargetKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a target's copies physically are: a folder's real path (links resolved), or an S3
 * server, bucket and key prefix. Two targets whose places overlap are one copy, not two.
 */
record Place(ArchiveTargetKind kind, String server, String bucket, String path) {

  static Place of(TargetRecord target) {
    if (target.kind() == ArchiveTargetKind.FOLDER) {
      return new Place(target.kind(), null, null, realPlace(Path.of(target.location())).toString());
    }
    return new Place(target.kind(), server(target.location()), target.bucket(),
        target.prefix() == null ? "" : target.prefix());
  }

  /** The same place, or one inside the other: a folder in the other's folder, keys under the other's prefix. */
  boolean overlaps(Place other) {
    if (kind != other.kind) return false;
    if (kind == ArchiveTargetKind.FOLDER) return inside(other) || other.inside(this);
    return server.equals(other.server) && bucket.equals(other.bucket)
        && (path.startsWith(other.path) || other.path.startsWith(path));
  }

  /** How this place stands to an overlapping one, as a person reads it. */
  String against(Place other) {
    if (equals(other)) return "is the same place as";
    return inside(other) ? "is inside" : "holds";
  }

  private boolean inside(Place other) {
    return kind == ArchiveTargetKind.FOLDER ? Path.of(path).startsWith(Path.of(other.path))
        : path.startsWith(other.path);
  }

  /**
   * The folder's real path; a folder not there yet (an unplugged disk) is its nearest existing
   * parent's real path plus the rest, so a link to the same disk is still seen as that disk.
   */
  static Path realPlace(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return absolute;
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }

  /** The endpoint without what does not change the server: case, a default port, a trailing slash. */
  private static String server(String endpoint) {
    URI uri = URI.create(endpoint.strip());
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String host = uri.getHost() == null ? endpoint.strip().toLowerCase(Locale.ROOT) : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    return scheme + "://" + host + ":" + port + path;
  }
}
