package frame.core.api.devices;

import java.time.Instant;

/** An active admin token or paired device, never the token itself; {@code lastUsedAt} null if never used. */
public record TokenInfo(long id, String name, TokenKind kind, Instant createdAt, Instant lastUsedAt) {}
