package frame.core.api.imports;

import frame.core.api.library.Image;

/** How one file went in: stored as a new image, found to be a duplicate, or rejected. */
public sealed interface IngestResult {
  String name();

  record Stored(String name, Image image) implements IngestResult {}

  record Duplicate(String name, Image existing) implements IngestResult {}

  record Rejected(String name, String code, String reason) implements IngestResult {}
}
