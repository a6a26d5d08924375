package frame.core.api.culling;

import java.nio.file.Path;

/**
 * What {@code frame export DIR} copies: the originals matching {@code filter} (picks, at least N
 * stars, one shoot), into {@code folder}, one sub-folder per shoot, each with an {@code .xmp}
 * sidecar that editors read.
 */
public record ExportRequest(Path folder, CullFilter filter) {
  public ExportRequest {
    if (folder == null) throw new IllegalArgumentException("export needs a folder");
    filter = filter == null ? CullFilter.NONE : filter;
  }
}
