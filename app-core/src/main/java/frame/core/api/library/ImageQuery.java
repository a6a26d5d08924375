package frame.core.api.library;

import frame.core.api.culling.CullFilter;

/** A page of images, newest first, optionally of one state and through the culling filters. */
public record ImageQuery(ImageState state, int limit, int offset, CullFilter cull) {
  public ImageQuery {
    if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be between 1 and 1000");
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
    cull = cull == null ? CullFilter.NONE : cull;
  }

  public ImageQuery(ImageState state, int limit, int offset) {
    this(state, limit, offset, CullFilter.NONE);
  }

  public static ImageQuery all() {
    return new ImageQuery(null, 1000, 0);
  }
}
