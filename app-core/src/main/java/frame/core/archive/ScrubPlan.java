package frame.core.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Properties;

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
    Properties p = ArchiveSettings.properties(dataDir);
    String every = p.getProperty("scrub-every", "P7D").strip();
    String percent = p.getProperty("scrub-sample-percent", "5").strip();
    try {
      return new ScrubPlan(Duration.parse(every), Integer.parseInt(percent));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(ArchiveSettings.FILE + ": scrub-every=" + every
          + " is not an ISO duration (P7D is a week, PT12H twelve hours)", e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(ArchiveSettings.FILE + ": scrub-sample-percent=" + percent
          + " is not a whole number", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ArchiveSettings.FILE + ": " + e.getMessage(), e);
    }
  }
}
