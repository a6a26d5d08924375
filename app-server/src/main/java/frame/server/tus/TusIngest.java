package frame.server.tus;

import frame.core.api.devices.Caller;
import frame.core.api.imports.IngestResult;
import java.nio.file.Path;

/**
 * Where a completed upload goes: the ingest of {@code POST /api/upload}, given the file already
 * hashed and fsynced, so it is renamed into the store rather than copied. The endpoint removes
 * whatever is left of it.
 */
@FunctionalInterface
public interface TusIngest {
  IngestResult ingest(Path file, String filename, String sha256, Caller sender);
}
