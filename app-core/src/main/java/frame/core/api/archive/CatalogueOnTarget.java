package frame.core.api.archive;

import java.time.Instant;

/**
 * The daily catalogue backup kept in one archive target: the newest one verified there
 * ({@code name}, {@code takenAt}; null before the first), and why the last try failed
 * ({@code problem}, null when it did not).
 */
public record CatalogueOnTarget(String name, Instant takenAt, String problem, Instant problemAt) {}
