package frame.core.pipeline;

import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.job.JobOutcome;
import frame.core.api.jobs.JobType;
import frame.core.store.FileStore;
import java.nio.file.Path;

/** This phase keeps the original where ingest stored it, then hands the image to the derived jobs. */
public final class OffloadOriginalHandler extends ImageJobHandler {
  public OffloadOriginalHandler(ImageRepository images, FileStore store, OriginalFiles originals) {
    super(images, store, originals);
  }

  @Override
  protected JobOutcome handle(Image image, Path original) {
    return JobOutcome.completedThen(
        JobType.THUMBNAIL_GENERATION, JobType.PREVIEW_GENERATION, JobType.EXIF_ENRICHMENT);
  }
}
