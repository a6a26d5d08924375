package frame.cli;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * A taken time as a table shows it: {@code 2004-11-21 21:29:12}, with {@code +01:00} after it when
 * the camera wrote an offset (26 characters, the tables' column). Milliseconds are dropped, so every
 * row's column is as wide.
 */
final class TakenColumn {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private TakenColumn() {}

  /** The stored ISO time for a table; "-" for none; text that is no ISO time as it is. */
  static String of(String takenAt) {
    if (takenAt == null || takenAt.isBlank()) return "-";
    try {
      TemporalAccessor time = DateTimeFormatter.ISO_DATE_TIME.parseBest(takenAt, OffsetDateTime::from, LocalDateTime::from);
      return time instanceof OffsetDateTime offset ? WITH_OFFSET.format(offset) : LOCAL.format(time);
    } catch (DateTimeParseException e) {
      return takenAt;
    }
  }
}
