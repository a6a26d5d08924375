package frame.core.pipeline;

import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.job.JobOutcome;
import frame.core.api.jobs.JobType;
import frame.core.media.Renditions;
import frame.core.store.FileStore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** The web preview: longest side at most 2000 px, progressive JPEG q85, upright. */
public final class PreviewHandler extends ImageJobHandler {
  private final WorkingImages working;
  private final BooleanSupplier analysisOn;

  /** {@code analysisOn}: whether culling's analysis follows (the data folder's culling.properties). */
  public PreviewHandler(ImageRepository images, FileStore store, WorkingImages working, OriginalFiles originals,
      BooleanSupplier analysisOn) {
    super(images, store, originals);
    this.working = working;
    this.analysisOn = analysisOn;
  }

  @Override
  protected JobOutcome handle(Image image, Path original) throws Exception {
    BufferedImage preview = Renditions.preview(working.of(image, original));
    store.writeAtomically(store.preview(image.sha256()),
        out -> Renditions.writePreview(preview, out));
    // culling's analysis works from this preview, never from a second decode of the original
    return analysisOn.getAsBoolean() ? JobOutcome.completedThen(JobType.PERCEPTUAL_HASH, JobType.SHARPNESS)
        : JobOutcome.completed();
  }
}
