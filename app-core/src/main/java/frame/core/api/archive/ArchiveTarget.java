package frame.core.api.archive;

import java.time.Instant;

/**
 * A target as the window, the CLI and the API show it; never its credentials. {@code problem} says
 * why it cannot be used now (unreachable, refused, full), null while it works; {@code backlog}
 * counts the photos whose copy to it is still to be made; {@code catalogue} is the last daily catalogue
 * backup kept there (null before the first try).
 */
public record ArchiveTarget(String name, ArchiveTargetKind kind, String location, String bucket, String prefix,
    String region, boolean reachable, String problem, Instant problemSince, long copies, long copiedBytes,
    long backlog, CatalogueOnTarget catalogue) {}
