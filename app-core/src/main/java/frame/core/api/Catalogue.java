package frame.core.api;

import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.catalogue.BackupTaken;
import frame.core.api.catalogue.Recovered;
import frame.core.api.catalogue.RecoveryProgress;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The catalogue as a whole: online backups of it, taking back originals it does not know, and
 * rebuilding it from an archive alone. Restoring one is done on a closed library
 * ({@link FrameLibrary#restore}).
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

  /**
   * Rebuilds this library from an archive target alone (a folder or an S3 bucket that FRAME
   * archived to): the window's <i>File -> Recover from archive...</i> and {@code frame recover}.
   *
   * <p>Every original on the target comes back as a photo with the SHA-256, name, taken-at,
   * camera, shoot, stars, flag and label its sidecar gives (a file whose sidecar is missing or
   * unreadable is read itself: hash, name, EXIF), recorded as a verified copy on the target,
   * which becomes a target of this library (given by {@code archive}, with its credentials for
   * S3). Each original is read whole and checked against its SHA-256; with {@code download} it is
   * kept in local storage, else it stays on the archive only and is fetched back when needed.
   * Thumbnails, previews and EXIF are made by this library's job runner, so the library must be
   * open with its runner; the call returns once they are all made (or failed). A photo whose
   * sidecar says it was removed is left out and becomes a tombstone.
   *
   * <p>Resumable and idempotent: run again after an interruption (even kill -9) it goes on where
   * it stopped, and nothing is added twice. Refused, changing nothing, when the library already
   * holds photos that are not from this archive. Files that cannot be read (or whose bytes do not
   * match their sidecar) are named in {@link Recovered#unreadable()}; everything else comes back.
   * A target that cannot be reached stops the recover with its reason (run it again later).
   *
   * @param progress called from the calling thread as files are read and renditions are made
   */
  Recovered recover(NewArchiveTarget archive, boolean download, Consumer<RecoveryProgress> progress);
}
