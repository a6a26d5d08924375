package frame.core.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The catalogue backups a long-running FRAME keeps in each archive target by itself: one every
 * {@code every} ({@code catalogue-backup-every} in {@value ArchiveSettings#FILE}, an ISO duration,
 * default P1D), the newest {@code keep} kept ({@code catalogue-backups-kept}, default 7).
 */
public record CataloguePlan(Duration every, int keep) {
  public CataloguePlan {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("catalogue-backup-every must be longer than zero");
    }
    if (keep < 1) throw new IllegalArgumentException("catalogue-backups-kept is at least 1");
  }

  public static CataloguePlan standard() {
    return new CataloguePlan(Duration.ofDays(1), 7);
  }

  /** The standard plan, changed by the data folder's {@value ArchiveSettings#FILE} where it has one. */
  public static CataloguePlan in(Path dataDir) {
    Properties p = ArchiveSettings.properties(dataDir);
    String every = p.getProperty("catalogue-backup-every", "P1D").strip();
    String keep = p.getProperty("catalogue-backups-kept", "7").strip();
    try {
      return new CataloguePlan(Duration.parse(every), Integer.parseInt(keep));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(ArchiveSettings.FILE + ": catalogue-backup-every=" + every
          + " is not an ISO duration (P1D is a day, PT12H twelve hours)", e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(ArchiveSettings.FILE + ": catalogue-backups-kept=" + keep
          + " is not a whole number", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ArchiveSettings.FILE + ": " + e.getMessage(), e);
    }
  }
}
