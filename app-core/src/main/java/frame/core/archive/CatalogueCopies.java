package frame.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts one catalogue backup (a folder {@code CatalogueBackup} wrote) into a target, proven like an
 * original: each file is read back from the target and its SHA-256 compared with the local file.
 * The manifest goes last, so a backup cut short has none and is never taken for a whole one; then
 * the oldest whole backups beyond {@code keep}, and any cut short, are removed.
 */
final class CatalogueCopies {
  private final int keep;

  CatalogueCopies(int keep) {
    if (keep < 1) throw new IllegalArgumentException("catalogue-backups-kept is at least 1");
    this.keep = keep;
  }

  /** Copies {@code backup} (its folder's name is the backup's) into {@code target}, verified, and prunes. */
  void copy(Path backup, Target target) throws IOException {
    String name = backup.getFileName().toString();
    List<String> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(backup)) {
      listed.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(file -> !file.equals(FolderTarget.MANIFEST)).sorted().forEach(files::add);
    }
    if (!Files.isRegularFile(backup.resolve(FolderTarget.MANIFEST))) {
      throw new IOException(backup + " is not a whole catalogue backup (no " + FolderTarget.MANIFEST + ")");
    }
    files.add(FolderTarget.MANIFEST);
    for (String file : files) {
      Path local = backup.resolve(file);
      String key = target.putCatalogueFile(name, file, local);
      String expected = sha256(Files.newInputStream(local));
      String read = sha256(target.read(key));
      if (!expected.equals(read)) {
        throw new TargetFault("The catalogue backup's " + file + " read back from the target differs from what"
            + " was written", null);
      }
    }
    prune(target, name);
  }

  private void prune(Target target, String written) throws IOException {
    List<Target.StoredBackup> stored = target.catalogueBackups();
    List<String> whole = stored.stream().filter(Target.StoredBackup::whole).map(Target.StoredBackup::name).toList();
    for (int i = 0; i < whole.size() - keep; i++) target.deleteCatalogueBackup(whole.get(i));
    for (Target.StoredBackup cut : stored) {
      // one process writes a data folder's backups: any other without a manifest was cut short
      if (!cut.whole() && !cut.name().equals(written)) target.deleteCatalogueBackup(cut.name());
    }
  }

  private static String sha256(InputStream in) throws IOException {
    try (in) {
      return ArchiveHandler.hash(in).sha256();
    }
  }
}
