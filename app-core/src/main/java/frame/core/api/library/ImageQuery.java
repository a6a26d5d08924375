package frame.core.api.library;

import frame.core.api.culling.CullFilter;

/** A page of images in an order (newest added first unless given), optionally of one state and through the culling filters. */
public record ImageQuery(ImageState state, int limit, int offset, CullFilter cull, LibraryOrder order) {
  public ImageQuery {
    order = order == null ? LibraryOrder.ADDED_NEWEST : order;
    if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be between 1 and 1000");
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
    cull = cull == null ? CullFilter.NONE : cull;
  }

  public ImageQuery(ImageState state, int limit, int offset, CullFilter cull) {
    this(state, limit, offset, cull, LibraryOrder.ADDED_NEWEST);
  }

  public ImageQuery(ImageState state, int limit, int offset) {
    this(state, limit, offset, CullFilter.NONE);
  }

  public static ImageQuery all() {
    return new ImageQuery(null, 1000, 0);
  }
}
