package frame.core.pipeline;

import frame.core.db.Jdbc;
import frame.core.api.library.ExifSummary;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.job.JobOutcome;
import frame.core.media.PhotoMetadata;
import frame.core.store.FileStore;
import java.nio.file.Path;

/** Keeps every metadata directory as JSON, and the key fields as columns. Rerunning replaces. */
public final class ExifEnrichmentHandler extends ImageJobHandler {
  private final Jdbc jdbc;

  public ExifEnrichmentHandler(ImageRepository images, FileStore store, Jdbc jdbc, OriginalFiles originals) {
    super(images, store, originals);
    this.jdbc = jdbc;
  }

  @Override
  protected JobOutcome handle(Image image, Path original) {
    ExifSummary exif = PhotoMetadata.read(original);
    jdbc.inTransaction(tx -> {
      images.saveExif(tx, image.id(), exif);
      return null;
    });
    return JobOutcome.completed();
  }
}
