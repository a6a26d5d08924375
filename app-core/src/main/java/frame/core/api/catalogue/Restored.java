package frame.core.api.catalogue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A catalogue put back from a backup: which backup, when it was taken, where the database it
 * replaced was kept (if there was one), and whether settings files came back with it.
 */
public record Restored(Path backup, Instant takenAt, Optional<Path> replacedDatabase, boolean settingsRestored) {}
