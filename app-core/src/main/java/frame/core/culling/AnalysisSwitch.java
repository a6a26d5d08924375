package frame.core.culling;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether culling's analysis (perceptual hash, sharpness) runs after each preview: the data
 * folder's {@value #FILE} with {@code analysis=off} turns it off; on without the file. Read again
 * when the file changes, so an edit or the window's checkbox counts from the next preview.
 */
public final class AnalysisSwitch {
  public static final String FILE = "culling.properties";
  static final String KEY = "analysis";
  private static final Logger log = LoggerFactory.getLogger(AnalysisSwitch.class);

  private final Path file;
  private FileTime seen;
  private boolean on = true;

  /** Reads the data folder's file now: a value other than on or off is a clear error. */
  public AnalysisSwitch(Path dataDir) {
    this.file = dataDir.resolve(FILE);
    reread(true);
  }

  /** Whether analysis jobs follow each preview; a file spoilt since start keeps the last good value (and says so). */
  public synchronized boolean on() {
    reread(false);
    return on;
  }

  /** Writes {@code analysis=on|off} into the file (other lines kept), replacing it whole; no change, no write. */
  public synchronized void set(boolean on) {
    if (on == on()) return;
    Properties properties = load();
    properties.setProperty(KEY, on ? "on" : "off");
    try {
      Path temp = file.resolveSibling(FILE + ".tmp");
      try (Writer out = Files.newBufferedWriter(temp)) {
        properties.store(out, "FRAME culling: analysis=off queues no sharpness or stack analysis at import");
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
    this.on = on;
    this.seen = modified();
  }

  private void reread(boolean strict) {
    FileTime now = modified();
    if (now != null && now.equals(seen) || now == null && seen == null && !strict) return;
    seen = now;
    String value = load().getProperty(KEY, "on").strip().toLowerCase(Locale.ROOT);
    switch (value) {
      case "on", "true", "yes" -> on = true;
      case "off", "false", "no" -> on = false;
      default -> {
        String problem = file + ": analysis must be on or off, not \"" + value + "\"";
        if (strict) throw new IllegalArgumentException(problem);
        log.warn("{}; analysis stays {}", problem, on ? "on" : "off");
      }
    }
  }

  private FileTime modified() {
    try {
      return Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private Properties load() {
    Properties properties = new Properties();
    if (!Files.isRegularFile(file)) return properties;
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
    return properties;
  }
}
