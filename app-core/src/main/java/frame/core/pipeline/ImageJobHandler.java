package frame.core.pipeline;

import frame.core.api.FrameException;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.api.jobs.Job;
import frame.core.job.JobContext;
import frame.core.job.JobHandler;
import frame.core.job.JobOutcome;
import frame.core.store.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** A handler that works on one image's stored original. */
abstract class ImageJobHandler implements JobHandler {
  protected final ImageRepository images;
  protected final FileStore store;

  ImageJobHandler(ImageRepository images, FileStore store) {
    this.images = images;
    this.store = store;
  }

  @Override
  public final JobOutcome handle(Job job, JobContext context) throws Exception {
    if (job.imageId() == null) throw new FrameException("bad_job", "Job " + job.id() + " names no image", true);
    Image image = images.find(job.imageId()).orElseThrow(() -> FrameException.imageNotFound(job.imageId()));
    Path original = store.original(image.sha256(), image.format());
    if (!Files.isRegularFile(original)) {
      throw new FrameException("original_missing", "The stored original is missing: " + original, true);
    }
    return handle(image, original);
  }

  protected abstract JobOutcome handle(Image image, Path original) throws Exception;
}
