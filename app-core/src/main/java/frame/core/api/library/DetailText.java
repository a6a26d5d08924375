package frame.core.api.library;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How a photo's camera and capture time read to a person, the same in the window and the API:
 * "Canon EOS 6D", not "Canon Canon EOS 6D"; "6 Jun 2019, 07:29:51 +02:00", not an ISO timestamp.
 */
public final class DetailText {
  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

  private DetailText() {}

  /**
   * Make and model as one name, the make left out when the model already starts with it (Canon
   * writes "Canon" and "Canon EOS 6D", Nikon "NIKON CORPORATION" and "NIKON D70"); empty when
   * neither is known.
   */
  public static Optional<String> camera(String make, String model) {
    String m = blankToNull(make);
    String mo = blankToNull(model);
    if (m == null) return Optional.ofNullable(mo);
    if (mo == null) return Optional.of(m);
    String brand = m.split("\\s+")[0];
    boolean repeats = mo.regionMatches(true, 0, brand, 0, brand.length());
    return Optional.of(repeats ? mo : m + " " + mo);
  }

  /**
   * A stored capture time ({@code 2019-06-06T07:29:51.120+02:00}, the offset only where the
   * camera wrote one) as a person reads it: the camera's local time, and its offset from UTC
   * when known. A value that is not such a time is returned as it is.
   */
  public static Optional<String> dateTaken(String stored) {
    String text = blankToNull(stored);
    if (text == null) return Optional.empty();
    try {
      OffsetDateTime withOffset = OffsetDateTime.parse(text);
      String offset = withOffset.getOffset().getId().replace("Z", "+00:00");
      return Optional.of(READABLE.format(withOffset) + " " + offset);
    } catch (DateTimeParseException noOffset) {
      try {
        return Optional.of(READABLE.format(LocalDateTime.parse(text)));
      } catch (DateTimeParseException notATime) {
        return Optional.of(text);
      }
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
