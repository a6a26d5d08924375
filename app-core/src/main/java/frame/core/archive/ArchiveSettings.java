package frame.core.archive;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

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
    Path file = dataDir.resolve(FILE);
    Properties p = properties(dataDir);
    try {
      return new ArchiveSettings(
          Duration.ofMillis(Long.parseLong(p.getProperty("first-wait-ms", "" + standard.firstWait.toMillis()).strip())),
          Duration.ofMillis(Long.parseLong(p.getProperty("longest-wait-ms", "" + standard.longestWait.toMillis()).strip())),
          Long.parseLong(p.getProperty("multipart-above-bytes", "" + standard.multipartAbove).strip()),
          Integer.parseInt(p.getProperty("free-after-copies", "0").strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " holds a value that is not a whole number: " + e.getMessage(), e);
    }
  }

  /** The data folder's {@value #FILE}, empty when it has none. */
  static Properties properties(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    Properties p = new Properties();
    if (!Files.isRegularFile(file)) return p;
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
    return p;
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
