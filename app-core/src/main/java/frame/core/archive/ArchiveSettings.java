package frame.core.archive;

import frame.core.store.Settings;
import frame.core.store.SettingsFile;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the archive waits and uploads. A target in trouble is tried again after a wait that grows
 * with how long it has been in trouble (first {@code firstWait}, at most {@code longestWait});
 * files above {@code multipartAbove} bytes go to S3 in parts.
 */
public record ArchiveSettings(Duration firstWait, Duration longestWait, long multipartAbove, int freeAfterCopies) {
  public static ArchiveSettings standard() {
    return new ArchiveSettings(Duration.ofSeconds(15), Duration.ofMinutes(10), 64L * 1024 * 1024, 0);
  }

  /** The file in the data folder that changes these: {@code free-after-copies=2}, and the others below. */
  public static final String FILE = "archive.properties";

  /**
   * The standard settings, changed by the data folder's {@value #FILE} where it has one:
   * {@code free-after-copies}, {@code first-wait-ms}, {@code longest-wait-ms}, {@code multipart-above-bytes}.
   */
  public static ArchiveSettings in(Path dataDir) {
    ArchiveSettings standard = standard();
    Settings settings = file(dataDir).read();
    return new ArchiveSettings(
        Duration.ofMillis(settings.whole("first-wait-ms", standard.firstWait.toMillis())),
        Duration.ofMillis(settings.whole("longest-wait-ms", standard.longestWait.toMillis())),
        settings.whole("multipart-above-bytes", standard.multipartAbove),
        settings.wholeInt("free-after-copies", standard.freeAfterCopies));
  }

  /** The data folder's {@value #FILE}, which the scrub and catalogue backup plans share. */
  static SettingsFile file(Path dataDir) {
    return SettingsFile.in(dataDir, FILE);
  }

  public ArchiveSettings withWaits(Duration first, Duration longest) {
    return new ArchiveSettings(first, longest, multipartAbove, freeAfterCopies);
  }

  public ArchiveSettings withMultipartAbove(long bytes) {
    return new ArchiveSettings(firstWait, longestWait, bytes, freeAfterCopies);
  }

  /** "Free after N verified copies": 0 keeps every local original. */
  public ArchiveSettings withFreeAfterCopies(int copies) {
    return new ArchiveSettings(firstWait, longestWait, multipartAbove, copies);
  }

  /** The wait before trying a target again that has been in trouble for {@code troubled}. */
  Duration waitAfter(Duration troubled) {
    Duration wait = troubled.compareTo(firstWait) < 0 ? firstWait : troubled;
    return wait.compareTo(longestWait) > 0 ? longestWait : wait;
  }
}
