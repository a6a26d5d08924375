package frame.core.api;

import frame.core.api.devices.Caller;
import frame.core.api.culling.ImportBatch;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Bringing photos in. Importing a photo that waits in the trash brings it back, with its id and
 * files.
 */
public interface Imports {
  /**
   * Imports a file whose work goes at {@code priority}: {@link JobPriority#BULK} for the photos of
   * a large import ({@link frame.core.api.imports.ImportSources#priorityFor}), so a photo dropped
   * meanwhile goes first.
   */
  default IngestResult importFile(Path file, JobPriority priority) {
    return importFile(file, priority, ImportBatch.LOOSE);
  }

  /**
   * Imports a file as part of {@code batch}: it joins the batch's shoot, and a photo deleted for
   * good before is skipped ("deleted on DATE") unless the batch includes deleted photos.
   */
  IngestResult importFile(Path file, JobPriority priority, ImportBatch batch);

  /** Imports a file at {@link JobPriority#FRESH}. */
  default IngestResult importFile(Path file) {
    return importFile(file, JobPriority.FRESH);
  }

  /** Ingests a stream, checked against {@code declaredSha256} when it is not null. */
  IngestResult ingest(InputStream in, String name, String declaredSha256);

  /**
   * Ingests a stream whose checksum, if any, is known only after its last byte (a form field after
   * the file); its work goes at {@code priority} (an upload that is part of a large import says BULK).
   */
  default IngestResult ingestWithChecksumAfter(InputStream in, String name, Supplier<String> declaredAfterTheBytes,
      JobPriority priority) {
    return ingestWithChecksumAfter(in, name, declaredAfterTheBytes, priority, ImportBatch.LOOSE);
  }

  /** The same, as part of an import {@code batch} (a phone session's shoot). */
  IngestResult ingestWithChecksumAfter(InputStream in, String name, Supplier<String> declaredAfterTheBytes,
      JobPriority priority, ImportBatch batch);

  /**
   * The same, sent by {@code uploader}: a paired device cannot undo the owner's delete, so its copy
   * of a photo in the trash is answered {@code in_trash} and restores nothing; an admin's restores it.
   */
  IngestResult ingestWithChecksumAfter(InputStream in, String name, Supplier<String> declaredAfterTheBytes,
      JobPriority priority, ImportBatch batch, Caller uploader);

  /**
   * Ingests a finished file whose {@code sha256} (hex) its receiver computed while the bytes
   * arrived, and which it forced to disk (a resumable upload): the file is renamed into the
   * content-addressed store instead of being read, hashed and copied again (on another volume
   * than the store, it is copied). Dedupe, the trash and {@code uploader} count as for
   * {@link #ingestWithChecksumAfter}. Whatever is left of the file afterwards (a duplicate's, a
   * refused file's, a copied one's) is the caller's to remove.
   */
  IngestResult ingestHashedFile(Path file, String name, String sha256, JobPriority priority, ImportBatch batch,
      Caller uploader);
}
