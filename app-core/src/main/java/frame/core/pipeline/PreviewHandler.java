package frame.core.pipeline;

import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.job.JobOutcome;
import frame.core.api.jobs.JobType;
import frame.core.media.Renditions;
import frame.core.store.FileStore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** The web preview: longest side at most 2000 px, progressive JPEG q85, upright. */
public final class PreviewHandler extends ImageJobHandler {
  private final WorkingImages working;
  private final PreviewMeasures analysis;

  /** {@code analysis}: culling's, when on (the data folder's culling.properties), measured here from the preview in memory. */
  public PreviewHandler(ImageRepository images, FileStore store, WorkingImages working, OriginalFiles originals,
      PreviewMeasures analysis) {
    super(images, store, originals);
    this.working = working;
    this.analysis = analysis;
  }

  @Override
  protected JobOutcome handle(Image image, Path original) throws Exception {
    BufferedImage preview = Renditions.preview(working.of(image, original));
    AtomicReference<byte[]> samePixels = new AtomicReference<>();
    store.writeAtomically(store.preview(image.sha256()),
        out -> Renditions.writePreview(preview, out).ifPresent(samePixels::set));
    if (!analysis.on()) return JobOutcome.completed();
    // culling's analysis works from this preview, never from a second decode of the original:
    // here, from the bytes in memory; else in its two jobs, from the file
    if (samePixels.get() != null && analysis.measure(image.id(), samePixels.get())) return JobOutcome.completed();
    return JobOutcome.completedThen(JobType.PERCEPTUAL_HASH, JobType.SHARPNESS);
  }
}
