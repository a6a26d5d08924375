package frame.core.api.devices;

/** Who sent a request: the token that authenticated it. */
public record Caller(long tokenId, String name, TokenKind kind) {
  public boolean isAdmin() {
    return kind == TokenKind.ADMIN;
  }
}
