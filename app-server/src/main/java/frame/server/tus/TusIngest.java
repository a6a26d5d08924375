package frame.server.tus;

import frame.core.api.devices.Caller;
import frame.core.api.imports.IngestResult;
import java.nio.file.Path;

/**
 * Where a completed upload goes: the ingest of {@code POST /api/upload}, given the file already
 * hashed and fsynced, so it is renamed into the store rather than copied. When stored, the file
 * is gone; otherwise the endpoint removes it.
 */
@FunctionalInterface
public interface TusIngest {
  IngestResult ingest(Path file, String filename, String sha256, Caller sender);
}
