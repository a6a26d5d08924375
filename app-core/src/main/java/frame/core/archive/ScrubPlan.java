package frame.core.archive;

import frame.core.store.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The light scrub a long-running FRAME does by itself: every {@code every} (ISO duration,
 * {@code scrub-every} in {@value ArchiveSettings#FILE}, default P7D), a random
 * {@code samplePercent} of the photos ({@code scrub-sample-percent}, default 5).
 */
public record ScrubPlan(Duration every, int samplePercent) {
  public ScrubPlan {
    if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("scrub-every must be longer than zero");
    if (samplePercent < 1 || samplePercent > 100) {
      throw new IllegalArgumentException("scrub-sample-percent is a percentage from 1 to 100");
    }
  }

  public static ScrubPlan standard() {
    return new ScrubPlan(Duration.ofDays(7), 5);
  }

  /** The standard plan, changed by the data folder's {@value ArchiveSettings#FILE} where it has one. */
  public static ScrubPlan in(Path dataDir) {
    Settings settings = ArchiveSettings.file(dataDir).read();
    Duration every = settings.duration("scrub-every", Duration.ofDays(7));
    int percent = settings.wholeInt("scrub-sample-percent", 5);
    return settings.make(() -> new ScrubPlan(every, percent));
  }
}
