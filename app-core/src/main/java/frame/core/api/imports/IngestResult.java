package frame.core.api.imports;

import frame.core.api.library.Image;

/** How one file went in: stored as a new image, found to be a duplicate, skipped as deleted for good, or rejected. */
public sealed interface IngestResult {
  String name();

  record Stored(String name, Image image) implements IngestResult {}

  record Duplicate(String name, Image existing) implements IngestResult {}

  /** Skipped: the same bytes were deleted for good on {@code deletedAt} (a tombstone). */
  record Skipped(String name, java.time.Instant deletedAt) implements IngestResult {
    /** "deleted on 2026-05-02", in UTC. */
    public String reason() {
      return "deleted on " + java.time.LocalDate.ofInstant(deletedAt, java.time.ZoneOffset.UTC);
    }
  }

  record Rejected(String name, String code, String reason) implements IngestResult {}
}
