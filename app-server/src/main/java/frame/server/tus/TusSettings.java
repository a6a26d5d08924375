package frame.server.tus;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Where unfinished uploads live, how long one may sit unfinished (24 h unless
 * {@code FRAME_TUS_EXPIRY}, an ISO-8601 duration such as {@code PT12H}, says otherwise), the
 * largest upload, how often a PATCH's bytes are made durable while they stream, and the clock.
 */
public record TusSettings(Path folder, Duration expiry, long maxBytes, long checkpointBytes, Clock clock) {
  public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

  public TusSettings {
    if (expiry.isNegative() || expiry.isZero()) throw new IllegalArgumentException("tus expiry must be positive");
    if (checkpointBytes <= 0) throw new IllegalArgumentException("checkpointBytes must be positive");
  }

  /** The defaults for a data folder: {@code <data>/tus}, expiry from FRAME_TUS_EXPIRY or 24 h. */
  public static TusSettings defaults(Path dataDir, long maxBytes) {
    return new TusSettings(dataDir.resolve("tus"), expiryFrom(System.getenv("FRAME_TUS_EXPIRY")), maxBytes,
        8L << 20, Clock.systemUTC());
  }

  static Duration expiryFrom(String raw) {
    if (raw == null || raw.isBlank()) return DEFAULT_EXPIRY;
    try {
      return Duration.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("FRAME_TUS_EXPIRY must be an ISO-8601 duration such as PT24H, not " + raw);
    }
  }

  public TusSettings withClock(Clock other) {
    return new TusSettings(folder, expiry, maxBytes, checkpointBytes, other);
  }

  public TusSettings withExpiry(Duration other) {
    return new TusSettings(folder, other, maxBytes, checkpointBytes, clock);
  }
}
