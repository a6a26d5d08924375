package frame.core.api.archive;

import java.time.Instant;

/** One verified copy of an original: where it is, its size and hash, when and how it was read back. */
public record ArchiveCopy(String target, String key, long size, String sha256, Instant verifiedAt, String how) {}
