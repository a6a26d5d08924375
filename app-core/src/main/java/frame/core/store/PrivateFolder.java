package frame.core.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a folder private to the user FRAME runs as: 0700 folders, 0600 files. Checked at every
 * start; anything wider (a folder made 0755 by the default umask, a database file 0644) is
 * narrowed, with one warning that says how many. Symbolic links are not followed. On a file
 * system without POSIX permissions (Windows) it does nothing: the user's profile is private there.
 */
public final class PrivateFolder {
  private static final Logger log = LoggerFactory.getLogger(PrivateFolder.class);
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFolder() {}

  /** Narrows what is wider than private under {@code root}; the number of entries fixed. */
  public static int secure(Path root) {
    if (!Files.isDirectory(root) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return 0;
    int[] fixed = new int[1];
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
          if (narrow(dir, FOLDER)) fixed[0]++;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          if (attributes.isRegularFile() && narrow(file, FILE)) fixed[0]++;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // a file deleted while we walk: nothing to protect
        }
      });
    } catch (IOException e) {
      log.warn("Could not check the permissions under {}: {}", root, e.getMessage());
    }
    if (fixed[0] > 0) {
      log.warn("{} file(s) and folder(s) under {} could be read by other users of this computer; "
          + "FRAME made them private (folders 0700, files 0600)", fixed[0], root);
    }
    return fixed[0];
  }

  private static boolean narrow(Path path, Set<PosixFilePermission> wanted) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    if (now.equals(wanted)) return false;
    Files.setPosixFilePermissions(path, wanted);
    return true;
  }
}
