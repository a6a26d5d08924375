package frame.core.api.culling;

import java.time.Instant;

/** A photo deleted for good: its bytes' SHA-256, its name, and when. */
public record Tombstone(String sha256, String name, Instant deletedAt) {}
