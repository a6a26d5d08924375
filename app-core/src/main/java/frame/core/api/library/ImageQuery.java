package frame.core.api.library;

/** A page of images, newest first, optionally of one state. */
public record ImageQuery(ImageState state, int limit, int offset) {
  public ImageQuery {
    if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be between 1 and 1000");
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
  }

  public static ImageQuery all() {
    return new ImageQuery(null, 1000, 0);
  }
}
