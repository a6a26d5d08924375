package frame.core.pipeline;

import frame.core.api.library.Image;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a handler reads a photo's original: the stored one, or, for a photo whose original is
 * only on the archive (freed, or recovered without downloading), a verified copy fetched back.
 */
@FunctionalInterface
public interface OriginalFiles {
  Path of(Image image) throws IOException;
}
