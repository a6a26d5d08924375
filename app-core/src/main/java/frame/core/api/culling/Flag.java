package frame.core.api.culling;

import java.util.Locale;

/** A photographer's verdict on a photo, as Photo Mechanic and Lightroom have it (P and X). */
public enum Flag {
  PICK,
  REJECT;

  /** "pick" or "reject", as the API and the command line write it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads "pick" or "reject" (any case); a clear error for anything else. */
  public static Flag parse(String text) {
    for (Flag flag : values()) {
      if (flag.wire().equalsIgnoreCase(text.strip())) return flag;
    }
    throw new IllegalArgumentException("flag must be \"pick\", \"reject\" or null, not \"" + text + "\"");
  }
}
