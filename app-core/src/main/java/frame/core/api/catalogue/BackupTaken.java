package frame.core.api.catalogue;

import java.nio.file.Path;
import java.time.Instant;

/** A catalogue backup just taken: its folder, when, how many photos the catalogue held, its size. */
public record BackupTaken(Path folder, Instant takenAt, long images, long bytes) {}
