package frame.core.api.archive;

/** A file on a card or in a folder, by its SHA-256: what {@code frame safe} asks about. */
public record FileHash(String name, String sha256, long size) {}
