package frame.core.api.trash;

/** How many photos and how many bytes on disk (original and derived files) a removal concerns. */
public record RemovalSize(int photos, long bytes) {
  public static final RemovalSize NONE = new RemovalSize(0, 0);

  /** "3 photos, 24.1 MB" */
  public String describe() {
    return (photos == 1 ? "1 photo" : photos + " photos") + ", " + humanBytes(bytes);
  }

  public static String humanBytes(long bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return "%.1f KB".formatted(bytes / 1024.0);
    if (bytes < 1024L * 1024 * 1024) return "%.1f MB".formatted(bytes / (1024.0 * 1024));
    return "%.2f GB".formatted(bytes / (1024.0 * 1024 * 1024));
  }
}
