package frame.core.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * What one settings file of the data folder says, read by {@link SettingsFile}. A key that is not
 * there gives its default; a value that is there but cannot be read is an
 * {@link IllegalArgumentException} naming the file, the key and the value: FRAME does not guess
 * what a person meant, and the file is left as it is for them to mend.
 */
public final class Settings {
  private final Path file;
  private final Properties values;

  Settings(Path file, Properties values) {
    this.file = file;
    this.values = values;
  }

  /** The value, stripped; {@code fallback} when the key is not there. */
  public String text(String key, String fallback) {
    String value = values.getProperty(key);
    return value == null ? fallback : value.strip();
  }

  public long whole(String key, long fallback) {
    String value = text(key, null);
    if (value == null) return fallback;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw problem(key, value, "is not a whole number");
    }
  }

  public int wholeInt(String key, int fallback) {
    long value = whole(key, fallback);
    if (value != (int) value) throw problem(key, "" + value, "is too large");
    return (int) value;
  }

  /** An ISO-8601 duration: P7D a week, P1D a day, PT12H twelve hours. */
  public Duration duration(String key, Duration fallback) {
    String value = text(key, null);
    if (value == null) return fallback;
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw problem(key, value, "is not an ISO duration (P7D is a week, P1D a day, PT12H twelve hours)");
    }
  }

  /** {@code on} or {@code off} (true/false, yes/no are taken too). */
  public boolean onOff(String key, boolean fallback) {
    String value = text(key, null);
    if (value == null) return fallback;
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes" -> true;
      case "off", "false", "no" -> false;
      default -> throw problem(key, value, "must be on or off");
    };
  }

  /** Makes a value of values read here; its own refusal (out of range) is said with this file's name. */
  public <T> T make(Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private IllegalArgumentException problem(String key, String value, String why) {
    return new IllegalArgumentException(file + ": " + key + "=" + value + " " + why);
  }
}
