package frame.core.api.archive;

/** What {@code frame archive free} did: originals removed, bytes given back, photos kept for want of copies. */
public record FreeReport(int minCopies, int freed, long bytesFreed, int kept) {}
