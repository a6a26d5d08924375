package frame.server.tus;

import frame.core.api.imports.IngestResult;
import frame.core.api.devices.Caller;
import java.io.InputStream;

/** Where a completed upload goes: the same ingest as {@code POST /api/upload}. */
@FunctionalInterface
public interface TusIngest {
  IngestResult ingest(InputStream bytes, String filename, Caller sender);
}
