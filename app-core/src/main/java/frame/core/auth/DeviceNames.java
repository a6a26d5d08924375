package frame.core.auth;

import java.text.Normalizer;

/** A device's name as a person typed it or the browser guessed it, made safe to show and store. */
final class DeviceNames {
  static final int MAX_LENGTH = 48;

  private DeviceNames() {}

  static String clean(String raw) {
    if (raw == null) return "Device";
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      // control, format (bidi overrides, zero-width) and unassigned characters are dropped
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE || type == Character.SURROGATE) return;
      out.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
    });
    String cleaned = out.toString().replaceAll(" +", " ").strip();
    if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
      cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }
    return cleaned.isEmpty() ? "Device" : cleaned;
  }
}
