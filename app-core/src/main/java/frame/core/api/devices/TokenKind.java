package frame.core.api.devices;

/**
 * What a token may do. ADMIN: everything (the owner's tokens, made in the window or by
 * {@code frame token create}). DEVICE: a paired phone or laptop: upload, browse and watch events,
 * never admin routes or token management.
 */
public enum TokenKind {
  ADMIN,
  DEVICE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
