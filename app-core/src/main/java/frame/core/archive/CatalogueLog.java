package frame.core.archive;

import frame.core.api.archive.CatalogueOnTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per target (by its id), the last catalogue backup verified there and the last failure, kept in
 * the data folder ({@value #FILE}) so a restart neither forgets them nor backs up again at once.
 * Written whole to a temporary file and moved over the old one.
 */
final class CatalogueLog {
  private static final Logger log = LoggerFactory.getLogger(CatalogueLog.class);
  static final String FILE = "archive-catalogue.properties";

  private final Path file;
  private final Properties values = new Properties();

  CatalogueLog(Path dataDir) {
    this.file = dataDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        values.load(in);
      } catch (IOException | IllegalArgumentException e) {
        log.warn("{} cannot be read ({}): every target's catalogue backup is taken again", file, e.toString());
      }
    }
  }

  /** What the status shows for a target; null before its first try. */
  synchronized CatalogueOnTarget of(long targetId) {
    String name = values.getProperty(targetId + ".name");
    String problem = values.getProperty(targetId + ".problem");
    if (name == null && problem == null) return null;
    return new CatalogueOnTarget(name, instant(targetId + ".at"), problem, instant(targetId + ".problem-at"));
  }

  /** When the last backup was verified in the target; null when never. */
  synchronized Instant lastVerified(long targetId) {
    return instant(targetId + ".at");
  }

  synchronized void verified(long targetId, String backup, Instant takenAt) {
    values.setProperty(targetId + ".name", backup);
    values.setProperty(targetId + ".at", takenAt.toString());
    values.remove(targetId + ".problem");
    values.remove(targetId + ".problem-at");
    save();
  }

  synchronized void failed(long targetId, String problem, Instant at) {
    values.setProperty(targetId + ".problem", problem);
    values.setProperty(targetId + ".problem-at", at.toString());
    save();
  }

  private Instant instant(String key) {
    String text = values.getProperty(key);
    if (text == null) return null;
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void save() {
    Path part = file.resolveSibling(FILE + ".part");
    try {
      try (OutputStream out = Files.newOutputStream(part)) {
        values.store(out, "FRAME: the last catalogue backup in each archive target");
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("Could not write {}: {}", file, e.toString()); // costs at most an early backup after a restart
    }
  }
}
