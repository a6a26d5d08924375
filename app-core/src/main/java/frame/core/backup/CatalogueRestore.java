package frame.core.backup;

import frame.core.db.DataFolderLock;
import frame.core.db.Database;
import frame.core.api.config.DatabaseLogin;
import frame.core.api.catalogue.Restored;
import frame.core.db.PoolSize;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.hsqldb.lib.tar.TarMalformatException;
import org.hsqldb.lib.tar.TarReader;

/**
 * Puts a catalogue backup back into a data folder whose database was lost or damaged. The
 * backup is checked whole first; a healthy database is replaced only when forced, and then kept
 * aside, never deleted. Originals stored after the backup stay in storage and are adopted again
 * once the library opens ({@code Library}'s adoption of originals no row names).
 */
public final class CatalogueRestore {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path dataDir;
  private final Path storageDir;
  private final String databaseUrl;
  private final Clock clock;

  public CatalogueRestore(Path dataDir, Path storageDir, String databaseUrl, Clock clock) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.storageDir = storageDir.toAbsolutePath().normalize();
    this.databaseUrl = databaseUrl;
    this.clock = clock;
  }

  /**
   * Restores from {@code from}: a backup folder, or a folder of them (the newest whole one is
   * taken). Refuses, changing nothing, a damaged or foreign backup, a running FRAME, and a
   * healthy database unless {@code force}.
   */
  public Restored from(Path from, boolean force) {
    if (!databaseUrl.startsWith("jdbc:hsqldb:file:")) {
      throw new BackupRefused("This FRAME's catalogue is in PostgreSQL: restore it with pg_restore or psql"
          + " (docs/recovery.md), then start FRAME; frame recover rebuilds it from an archive.");
    }
    Path backup = chosen(from.toAbsolutePath().normalize());
    BackupManifest manifest = BackupManifest.verified(backup);
    try (DataFolderLock lock = DataFolderLock.acquire(dataDir)) {
      Path db = Path.of(databaseUrl.substring("jdbc:hsqldb:file:".length())).getParent();
      if (!force && isHealthy(lock)) {
        throw new BackupRefused("The database in " + db + " is healthy; restoring would replace it."
            + " Use --force to replace it (it is kept aside, not deleted).");
      }
      Optional<Path> replaced = moveAside(db);
      Files.createDirectories(db);
      extract(backup.resolve(CatalogueBackup.DATABASE_FILE).toFile(), db.toFile());
      boolean settings = restoreSettings(backup, manifest);
      keepOriginalsFromTheSweep();
      return new Restored(backup, manifest.takenAt(), replaced, settings);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore into " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static Path chosen(Path from) {
    if (Files.isRegularFile(from.resolve(BackupManifest.FILE))) return from;
    if (!Files.isDirectory(from)) throw new BackupRefused("No backup at " + from + ": no such folder.");
    try (Stream<Path> children = Files.list(from)) {
      return children.filter(p -> p.getFileName().toString().startsWith(CatalogueBackup.PREFIX))
          .filter(p -> Files.isRegularFile(p.resolve(BackupManifest.FILE)))
          .max(Comparator.comparing(p -> p.getFileName().toString()))
          .orElseThrow(() -> new BackupRefused(from + " holds no FRAME catalogue backup. Nothing was changed."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean isHealthy(DataFolderLock lock) {
    Path base = Path.of(databaseUrl.substring("jdbc:hsqldb:file:".length()));
    if (!Files.exists(base.resolveSibling(base.getFileName() + ".script"))
        && !Files.exists(base.resolveSibling(base.getFileName() + ".properties"))) {
      return false;
    }
    try (Database database = Database.open(databaseUrl, DatabaseLogin.NONE, PoolSize.onDemand(1), lock)) {
      CatalogueBackup.countImages(database.jdbc());
      return true;
    } catch (RuntimeException damaged) {
      return false;
    }
  }

  private Optional<Path> moveAside(Path db) throws IOException {
    if (!Files.exists(db)) return Optional.empty();
    try (Stream<Path> files = Files.list(db)) {
      if (files.findAny().isEmpty()) {
        Files.delete(db);
        return Optional.empty();
      }
    }
    Path aside = db.resolveSibling(db.getFileName() + ".replaced-" + STAMP.format(clock.instant()));
    Files.move(db, aside, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(aside);
  }

  /**
   * HSQLDB's reader lists each file it extracts on standard output, which is the restoring
   * command's answer to the person: that listing goes nowhere. A restore runs with no FRAME on
   * the folder, so no other thread of this process is writing there.
   */
  private static void extract(File archive, File into) throws IOException {
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      new TarReader(archive, TarReader.EXTRACT_MODE, null, null, into).read();
    } catch (TarMalformatException e) {
      throw new BackupRefused("The backup's database archive is damaged: " + e.getMessage(), e);
    } finally {
      System.setOut(out);
    }
  }

  private boolean restoreSettings(Path backup, BackupManifest manifest) throws IOException {
    boolean any = false;
    for (BackupManifest.Entry entry : manifest.files()) {
      if (!CatalogueBackup.SETTINGS.contains(entry.name())) continue;
      Path current = dataDir.resolve(entry.name());
      if (Files.exists(current)) {
        Files.move(current, current.resolveSibling(entry.name() + ".replaced-" + STAMP.format(clock.instant())));
      }
      Files.copy(backup.resolve(entry.name()), current);
      any = true;
    }
    return any;
  }

  /**
   * The start-up sweep removes originals no row names that are older than the start: after a
   * restore those are photos stored after the backup, to be adopted, so they are made new.
   */
  private void keepOriginalsFromTheSweep() throws IOException {
    Path originals = storageDir.resolve("originals");
    if (!Files.isDirectory(originals)) return;
    FileTime now = FileTime.from(clock.instant());
    try (Stream<Path> files = Files.walk(originals)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) Files.setLastModifiedTime(file, now);
    }
  }
}
