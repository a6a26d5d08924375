package frame.core.pipeline;

import frame.core.api.FrameException;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.api.jobs.Job;
import frame.core.job.JobContext;
import frame.core.job.JobHandler;
import frame.core.job.JobOutcome;
import frame.core.store.FileStore;
import java.nio.file.Path;

/** A handler that works on one image's stored original. */
abstract class ImageJobHandler implements JobHandler {
  protected final ImageRepository images;
  protected final FileStore store;
  private final OriginalFiles originals;

  ImageJobHandler(ImageRepository images, FileStore store, OriginalFiles originals) {
    this.images = images;
    this.store = store;
    this.originals = originals;
  }

  @Override
  public final JobOutcome handle(Job job, JobContext context) throws Exception {
    if (job.imageId() == null) throw new FrameException("bad_job", "Job " + job.id() + " names no image", true);
    Image image = images.find(job.imageId()).orElseThrow(() -> FrameException.imageNotFound(job.imageId()));
    // a missing original that is not on the archive either fails at once (permanent); one only on
    // the archive is fetched back and checked, and a target that cannot give it is tried again later
    return handle(image, originals.of(image));
  }

  protected abstract JobOutcome handle(Image image, Path original) throws Exception;
}
