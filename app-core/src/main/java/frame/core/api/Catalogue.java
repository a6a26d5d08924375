package frame.core.api;

import frame.core.api.catalogue.BackupTaken;
import java.nio.file.Path;

/**
 * The catalogue as a whole: online backups of it, and taking back originals it does not know.
 * Restoring one is done on a closed library ({@link FrameLibrary#restore}).
 */
public interface Catalogue {
  /**
   * An online, consistent copy of the catalogue (database and settings) in a new folder inside
   * {@code into}, taken while this FRAME goes on working.
   */
  BackupTaken backup(Path into);

  /**
   * Ingests again the originals in storage that no photo names (those stored after the backup a
   * catalogue was restored from); how many became photos.
   */
  int adoptOrphans();
}
