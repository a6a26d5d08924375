package frame.core.ingest;

/** A client's file name made safe to show. It is display metadata only, never part of a path. */
public final class FileNames {
  public static final int MAX_LENGTH = 255;

  private FileNames() {}

  public static String displayName(String raw) {
    if (raw == null) return "unnamed";
    String name = raw;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    if (slash >= 0) name = name.substring(slash + 1);
    // control characters, and the bidi overrides that make "gpj.exe" read as "exe.jpg"
    name = name.replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]", "").strip();
    if (name.equals(".") || name.equals("..")) name = "";
    if (name.length() > MAX_LENGTH) name = name.substring(0, MAX_LENGTH);
    return name.isEmpty() ? "unnamed" : name;
  }
}
