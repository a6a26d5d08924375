package frame.core;

import frame.core.api.Imports;
import frame.core.api.Library;
import frame.core.api.devices.Caller;
import frame.core.api.culling.ImportBatch;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.library.ImageState;
import frame.core.ingest.Ingestor;
import frame.core.job.JobControl;
import frame.core.trash.Trash;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link Imports} over the ingestor; a photo imported again while in the trash comes back from it,
 * and one whose lost original it put back is made again if it had FAILED for the want of it.
 */
final class ImportsPort implements Imports {
  private final Ingestor ingestor;
  private final Trash trash;
  private final Library library;
  private final JobControl control;

  ImportsPort(Ingestor ingestor, Trash trash, Library library, JobControl control) {
    this.ingestor = ingestor;
    this.trash = trash;
    this.library = library;
    this.control = control;
  }

  @Override
  public IngestResult importFile(Path file, JobPriority priority, ImportBatch batch) {
    return restoredIfInTrash(ingestor.ingest(file, priority, batch));
  }

  @Override
  public IngestResult ingest(InputStream in, String name, String declaredSha256) {
    return restoredIfInTrash(ingestor.ingest(in, name, declaredSha256));
  }

  @Override
  public IngestResult ingestWithChecksumAfter(InputStream in, String name, Supplier<String> declaredAfterTheBytes,
      JobPriority priority, ImportBatch batch) {
    return restoredIfInTrash(ingestor.ingestWithChecksumAfter(in, name, declaredAfterTheBytes, priority, batch));
  }

  @Override
  public IngestResult ingestWithChecksumAfter(InputStream in, String name, Supplier<String> declaredAfterTheBytes,
      JobPriority priority, ImportBatch batch, Caller uploader) {
    return asSentBy(uploader, ingestor.ingestWithChecksumAfter(in, name, declaredAfterTheBytes, priority, batch));
  }

  @Override
  public IngestResult ingestHashedFile(Path file, String name, String sha256, JobPriority priority, ImportBatch batch,
      Caller uploader) {
    return asSentBy(uploader, ingestor.ingestHashed(file, name, sha256, priority, batch));
  }

  /**
   * A paired device's copy of a photo in the trash restores nothing from the trash (its bytes may
   * still have put back a lost original); an admin's restores it.
   */
  private IngestResult asSentBy(Caller uploader, IngestResult result) {
    if (uploader.isAdmin()) return restoredIfInTrash(result);
    madeAgainIfFailed(result);
    if (inTrash(result)) {
      return new IngestResult.Rejected(result.name(), "in_trash",
          "This photo is in FRAME's trash. Only FRAME's owner can restore it, from the trash on the computer.");
    }
    return result;
  }

  /** Importing a photo that waits in the trash brings it back, with its id and files. */
  private IngestResult restoredIfInTrash(IngestResult result) {
    madeAgainIfFailed(result);
    if (!inTrash(result)) return result;
    return switch (result) {
      case IngestResult.Duplicate d -> {
        trash.restore(List.of(d.existing().id()));
        yield new IngestResult.Stored(d.name(), library.image(d.existing().id()));
      }
      case IngestResult.Restored r -> {
        trash.restore(List.of(r.image().id()));
        yield new IngestResult.Restored(r.name(), library.image(r.image().id()));
      }
      default -> result;
    };
  }

  /** A photo whose steps failed without its original (gone or damaged) gets them again now that it is back. */
  private void madeAgainIfFailed(IngestResult result) {
    if (result instanceof IngestResult.Restored restored && restored.image().state() == ImageState.FAILED) {
      control.regenerate(restored.image().id());
    }
  }

  private boolean inTrash(IngestResult result) {
    return switch (result) {
      case IngestResult.Duplicate d -> trash.isRemoved(d.existing().id());
      case IngestResult.Restored r -> trash.isRemoved(r.image().id());
      default -> false;
    };
  }
}
