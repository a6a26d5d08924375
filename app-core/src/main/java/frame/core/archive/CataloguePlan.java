package frame.core.archive;

import frame.core.store.Settings;
import java.nio.file.Path;
import java.time.Duration;

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
    Settings settings = ArchiveSettings.file(dataDir).read();
    Duration every = settings.duration("catalogue-backup-every", Duration.ofDays(1));
    int keep = settings.wholeInt("catalogue-backups-kept", 7);
    return settings.make(() -> new CataloguePlan(every, keep));
  }
}
