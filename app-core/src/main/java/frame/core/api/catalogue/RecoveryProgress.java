package frame.core.api.catalogue;

/**
 * How far a recover is: {@code read} of {@code files} archived originals looked at (the last one
 * {@code current}), and {@code rendered} of {@code photos} photos whose thumbnails, preview and
 * metadata are made.
 */
public record RecoveryProgress(int read, int files, String current, long rendered, long photos) {}
