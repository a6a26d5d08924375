package frame.core.api.imports;

import frame.core.api.library.Image;

/**
 * How one file went in: stored as a new image, found to be a duplicate, put back as the lost original
 * of a photo already held, skipped as deleted for good, or rejected.
 */
public sealed interface IngestResult {
  String name();

  record Stored(String name, Image image) implements IngestResult {}

  record Duplicate(String name, Image existing) implements IngestResult {}

  /**
   * The same bytes as {@code image}, whose original had no good copy left (its stored file gone or
   * damaged, and no verified archive copy): they were put back as its original.
   */
  record Restored(String name, Image image) implements IngestResult {}

  /** Skipped: the same bytes were deleted for good on {@code deletedAt} (a tombstone). */
  record Skipped(String name, java.time.Instant deletedAt) implements IngestResult {
    /** "deleted on 2026-05-02", in UTC. */
    public String reason() {
      return "deleted on " + java.time.LocalDate.ofInstant(deletedAt, java.time.ZoneOffset.UTC);
    }
  }

  record Rejected(String name, String code, String reason) implements IngestResult {}
}
