package frame.core.api.culling;

import java.util.Locale;

/**
 * Lightroom's colour labels; keys 6 to 9 set the first four, as in Lightroom and Photo Mechanic.
 * The names are the ones Lightroom writes as {@code xmp:Label}.
 */
public enum ColorLabel {
  RED("Red"),
  YELLOW("Yellow"),
  GREEN("Green"),
  BLUE("Blue"),
  PURPLE("Purple");

  private final String xmp;

  ColorLabel(String xmp) {
    this.xmp = xmp;
  }

  /** What {@code xmp:Label} holds for this label. */
  public String xmp() {
    return xmp;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The label key 6, 7, 8 or 9 sets; empty for any other digit. */
  public static java.util.Optional<ColorLabel> ofKey(int digit) {
    return digit >= 6 && digit <= 9 ? java.util.Optional.of(values()[digit - 6]) : java.util.Optional.empty();
  }

  /** Reads "red" or Lightroom's "Red" (any case); a clear error for anything else. */
  public static ColorLabel parse(String text) {
    for (ColorLabel label : values()) {
      if (label.name().equalsIgnoreCase(text.strip())) return label;
    }
    throw new IllegalArgumentException("label must be one of red, yellow, green, blue, purple or null, not \"" + text + "\"");
  }
}
