package frame.core.ingest;

import frame.core.api.library.Image;
import frame.core.db.Jdbc;
import frame.core.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Tells whether a photo already in the library has no good copy of its original left: no verified
 * archive copy is counted for it, and its stored file is gone, has another size, or was found
 * damaged by a scrub. Reads the database and the file's size, never its bytes, so importing a photo
 * FRAME holds well stays as cheap as a duplicate should be.
 */
final class LostOriginals {
  private final Jdbc jdbc;
  private final FileStore store;

  LostOriginals(Jdbc jdbc, FileStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  boolean isLost(Image image) {
    Recorded recorded = jdbc.queryOne("""
        SELECT original_damaged_at, (SELECT COUNT(*) FROM archive_copy c WHERE c.image_id = i.id) AS copies
        FROM image i WHERE i.id = ?
        """, r -> new Recorded(r.getObject("original_damaged_at") != null, r.getLong("copies") > 0), image.id())
        .orElse(new Recorded(false, false));
    // a freed original is gone on purpose while a verified copy holds it
    if (recorded.archived()) return false;
    return recorded.damaged() || !hasItsSize(image);
  }

  /** What the database says: a scrub found the stored file damaged; a verified archive copy is counted. */
  private record Recorded(boolean damaged, boolean archived) {}

  private boolean hasItsSize(Image image) {
    try {
      return Files.size(store.original(image.sha256(), image.format())) == image.byteSize();
    } catch (IOException gone) {
      return false;
    }
  }
}
