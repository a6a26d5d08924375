package frame.core.culling;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a stored capture time ("2019-06-06T07:29:51", maybe with fractions or an offset) as local time. */
final class TakenAt {
  private TakenAt() {}

  static Optional<LocalDateTime> parse(String stored) {
    if (stored == null || stored.isBlank()) return Optional.empty();
    String local = stored.strip();
    int offset = Math.max(local.indexOf('+', 10), Math.max(local.indexOf('Z', 10), local.lastIndexOf('-') > 10 ? local.lastIndexOf('-') : -1));
    if (offset > 0) local = local.substring(0, offset);
    try {
      return Optional.of(LocalDateTime.parse(local));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
