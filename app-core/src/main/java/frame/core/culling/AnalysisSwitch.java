package frame.core.culling;

import frame.core.store.SettingsFile;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
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

  private final SettingsFile file;
  private FileTime seen;
  private boolean on;

  /** Reads the data folder's file now: a value other than on or off is a clear error. */
  public AnalysisSwitch(Path dataDir) {
    this.file = SettingsFile.in(dataDir, FILE);
    this.seen = file.modified();
    this.on = file.read().onOff(KEY, true);
  }

  /**
   * Whether analysis jobs follow each preview. A file spoilt since start keeps the last good value
   * and says so in the log: a half-made edit must not fail the import's previews.
   */
  public synchronized boolean on() {
    FileTime now = file.modified();
    if (now == null ? seen == null : now.equals(seen)) return on;
    seen = now;
    try {
      on = file.read().onOff(KEY, true);
    } catch (IllegalArgumentException e) {
      log.warn("{}; analysis stays {}", e.getMessage(), on ? "on" : "off");
    }
    return on;
  }

  /** Writes {@code analysis=on|off} into the file (other lines kept), replacing it whole; no change, no write. */
  public synchronized void set(boolean on) {
    if (on == on()) return;
    file.write(Map.of(KEY, on ? "on" : "off"),
        "FRAME culling: analysis=off queues no sharpness or stack analysis at import");
    this.on = on;
    this.seen = file.modified();
  }
}
