package frame.core.api.culling;

import java.util.List;

/** What an export wrote: how many originals (each with its sidecar) and which files could not be written. */
public record ExportResult(int exported, List<String> problems) {}
