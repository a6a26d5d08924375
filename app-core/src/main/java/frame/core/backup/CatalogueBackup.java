package frame.core.backup;

import frame.core.api.catalogue.BackupTaken;
import frame.core.db.Database;
import frame.core.db.Jdbc;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a consistent copy of a running FRAME's catalogue: the database (HSQLDB's online backup,
 * while imports go on), and the data folder's settings. Tokens travel as the database holds them
 * (hashed); archive credentials stay behind, as they are kept in plain text only in the data
 * folder. Each backup is a folder of its own, {@code frame-backup-YYYYMMDD-HHMMSS}, written under a
 * temporary name and renamed only once complete and forced to disk.
 */
public final class CatalogueBackup {
  /** The settings files of a data folder that a backup carries, when present. */
  static final List<String> SETTINGS = List.of("frame.properties", "window.properties");
  static final String DATABASE_FILE = "database.tar.gz";
  static final String PREFIX = "frame-backup-";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Database database;
  private final Path dataDir;
  private final Clock clock;

  public CatalogueBackup(Database database, Path dataDir, Clock clock) {
    this.database = database;
    this.dataDir = dataDir;
    this.clock = clock;
  }

  /** Backs the catalogue up into a new folder inside {@code into} (created if missing). */
  public BackupTaken into(Path into) {
    if (!database.isHsqldb()) {
      throw new BackupRefused("This FRAME's catalogue is in PostgreSQL: back it up with pg_dump or pg_basebackup"
          + " (docs/recovery.md says how that fits with frame restore).");
    }
    Instant takenAt = clock.instant();
    Path target = into.toAbsolutePath().normalize();
    try {
      Files.createDirectories(target);
      Path folder = unusedName(target, PREFIX + STAMP.format(takenAt));
      Path part = target.resolve("." + folder.getFileName() + ".part");
      deleteTree(part);
      Files.createDirectories(part);
      long images = countImages(database.jdbc());
      int schema = schemaVersion(database.jdbc());
      database.backupTo(part);
      List<String> names = new ArrayList<>();
      names.add(renameDatabaseArchive(part));
      for (String setting : SETTINGS) {
        Path file = dataDir.resolve(setting);
        if (Files.isRegularFile(file)) {
          Files.copy(file, part.resolve(setting), StandardCopyOption.COPY_ATTRIBUTES);
          names.add(setting);
        }
      }
      for (String name : names) Durably.force(part.resolve(name));
      BackupManifest.of(part, names, takenAt, schema, images).writeTo(part);
      Durably.force(part);
      Files.move(part, folder, StandardCopyOption.ATOMIC_MOVE);
      Durably.force(target);
      return new BackupTaken(folder, takenAt, images, sizeOf(folder));
    } catch (IOException e) {
      throw new BackupRefused("Cannot write the backup into " + target + ": " + e.getMessage(), e);
    }
  }

  /** Backups of one second are told apart by a counter; names still sort by time. */
  private static Path unusedName(Path target, String name) {
    Path folder = target.resolve(name);
    for (int n = 2; Files.exists(folder); n++) folder = target.resolve(name + "-" + n);
    return folder;
  }

  /** HSQLDB names its archive after the database and the time; the backup calls it one name. */
  private static String renameDatabaseArchive(Path part) throws IOException {
    try (DirectoryStream<Path> made = Files.newDirectoryStream(part, "*.tar*")) {
      for (Path archive : made) {
        Files.move(archive, part.resolve(DATABASE_FILE));
        return DATABASE_FILE;
      }
    }
    throw new IOException("the database wrote no backup archive");
  }

  static long countImages(Jdbc jdbc) {
    return jdbc.queryOne("SELECT COUNT(*) FROM image", row -> row.getLong(1)).orElse(0L);
  }

  static int schemaVersion(Jdbc jdbc) {
    return jdbc.query("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL",
            row -> row.getString(1))
        .stream().mapToInt(Integer::parseInt).max().orElse(0);
  }

  private static long sizeOf(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      long total = 0;
      for (Path file : (Iterable<Path>) files::iterator) total += Files.size(file);
      return total;
    }
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) return;
    try (var walk = Files.walk(path)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
    }
  }
}
