package frame.core.pipeline;

import frame.core.image.Image;
import frame.core.image.ImageRepository;
import frame.core.job.JobOutcome;
import frame.core.job.JobType;
import frame.core.store.FileStore;
import java.nio.file.Path;

/**
 * This phase keeps the original where ingest stored it, then hands the image to the derived jobs:
 * the preview and the metadata now, the thumbnails after the preview (they are made from it).
 */
public final class OffloadOriginalHandler extends ImageJobHandler {
  public OffloadOriginalHandler(ImageRepository images, FileStore store) {
    super(images, store);
  }

  @Override
  protected JobOutcome handle(Image image, Path original) {
    return JobOutcome.completedThen(JobType.PREVIEW_GENERATION, JobType.EXIF_ENRICHMENT);
  }
}
