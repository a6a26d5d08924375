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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a folder private to the user FRAME runs as: 0700 folders, 0600 files. Checked at every
 * start; anything wider (a folder made 0755 by the default umask, a database file 0644) is
 * narrowed. What another user could really reach (through folders that let them in) is a warning;
 * what was wider only inside folders already private (files FRAME just made under the usual
 * umask) is narrowed quietly. Symbolic links are not followed. On a file
 * system without POSIX permissions (Windows) it does nothing: the user's profile is private there.
 */
public final class PrivateFolder {
  private static final Logger log = LoggerFactory.getLogger(PrivateFolder.class);
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OTHERS_PASS =
      EnumSet.of(PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
  private static final Set<PosixFilePermission> OTHERS_READ =
      EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

  private PrivateFolder() {}

  /** Narrows what is wider than private under {@code root}; the number of entries fixed. */
  public static int secure(Path root) {
    if (!Files.isDirectory(root) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return 0;
    int[] fixed = new int[2]; // entries narrowed; of those, ones another user could reach
    // whether each folder being walked was reachable by others: every folder above it let them through
    Deque<Boolean> reachable = new ArrayDeque<>(List.of(true));
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
          Set<PosixFilePermission> before = narrow(dir, FOLDER);
          boolean open = before != null && reachable.peek() && before.stream().anyMatch(OTHERS_PASS::contains);
          count(before, open);
          reachable.push(open);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          reachable.pop();
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          if (!attributes.isRegularFile()) return FileVisitResult.CONTINUE;
          Set<PosixFilePermission> before = narrow(file, FILE);
          count(before, before != null && reachable.peek() && before.stream().anyMatch(OTHERS_READ::contains));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // a file deleted while we walk: nothing to protect
        }

        private void count(Set<PosixFilePermission> before, boolean exposed) {
          if (before == null) return;
          fixed[0]++;
          if (exposed) fixed[1]++;
        }
      });
    } catch (IOException e) {
      log.warn("Could not check the permissions under {}: {}", root, e.getMessage());
    }
    if (fixed[1] > 0) {
      log.warn("{} file(s) and folder(s) under {} could be read by other users of this computer; "
          + "FRAME made them private (folders 0700, files 0600)", fixed[1], root);
    } else if (fixed[0] > 0) {
      log.debug("Made {} new file(s) and folder(s) under {} private", fixed[0], root);
    }
    return fixed[0];
  }

  /** Makes the folder (0700) if it is missing, so a new library is private from its first file. */
  public static void create(Path folder) {
    if (Files.isDirectory(folder) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return;
    try {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
    } catch (IOException e) {
      log.debug("Could not make {} ahead of the lock: {}", folder, e.getMessage()); // the lock says why
    }
  }

  /** Sets the wanted mode; the mode it had when that was wider, null when it was right already. */
  private static Set<PosixFilePermission> narrow(Path path, Set<PosixFilePermission> wanted) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    if (now.equals(wanted)) return null;
    Files.setPosixFilePermissions(path, wanted);
    return now;
  }
}
