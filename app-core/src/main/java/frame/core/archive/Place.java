package frame.core.archive;

import frame.core.api.archive.ArchiveTargetKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a target's copies physically are: a folder's real path (links resolved), or an S3
 * server, bucket and key prefix. Two targets whose places overlap are one copy, not two.
 */
record Place(ArchiveTargetKind kind, String server, String bucket, String path) {
  /** Links followed before a folder's place is taken as written: a loop of links ends there. */
  private static final int MAX_LINKS = 40;

  static Place of(TargetRecord target) {
    if (target.kind() == ArchiveTargetKind.FOLDER) {
      return new Place(target.kind(), null, null, realPlace(Path.of(target.location())).toString());
    }
    return new Place(target.kind(), server(target.location()), target.bucket(),
        keyPrefix(target.prefix()));
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
   * parent's real path plus the rest, so a link to the same disk is still seen as that disk; a
   * link whose disk is unplugged is followed to where it points.
   */
  static Path realPlace(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    for (int links = 0; links < MAX_LINKS; links++) {
      Path existing = absolute;
      while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
      if (existing == null) return absolute;
      try {
        if (!Files.isSymbolicLink(existing) || Files.exists(existing)) {
          return existing.toRealPath().resolve(existing.relativize(absolute));
        }
        Path pointsTo = existing.resolveSibling(Files.readSymbolicLink(existing));
        absolute = pointsTo.resolve(existing.relativize(absolute)).toAbsolutePath().normalize();
      } catch (IOException e) {
        return absolute;
      }
    }
    return absolute;
  }

  /** A bucket's key prefix as S3Target writes under it: none, or ending in one slash. */
  private static String keyPrefix(String prefix) {
    return prefix == null || prefix.isBlank() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
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
