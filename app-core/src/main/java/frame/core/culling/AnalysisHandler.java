package frame.core.culling;

import frame.core.api.FrameException;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.image.ImageRepository;
import frame.core.api.jobs.Job;
import frame.core.job.JobContext;
import frame.core.job.JobHandler;
import frame.core.job.JobOutcome;
import frame.core.api.jobs.JobType;
import frame.core.media.ImageDecoder;
import frame.core.store.FileStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link JobType#PERCEPTUAL_HASH} and {@link JobType#SHARPNESS}: each reads the preview FRAME
 * already made (never the original again), stores its measure and updates the photo's stack.
 * Usually the preview's own job measures both ({@link PreviewAnalysis}); these jobs run for photos
 * that lacked the analysis (imported while it was off), where that could not, and on regeneration
 * of photos analysed by them.
 */
public final class AnalysisHandler implements JobHandler {
  private final JobType type;
  private final ImageRepository images;
  private final FileStore store;
  private final ImageDecoder decoder;
  private final Stacker stacker;

  public AnalysisHandler(JobType type, ImageRepository images, FileStore store, ImageDecoder decoder,
      Stacker stacker) {
    if (!type.isAnalysis()) throw new IllegalArgumentException(type + " is not an analysis job");
    this.type = type;
    this.images = images;
    this.store = store;
    this.decoder = decoder;
    this.stacker = stacker;
  }

  @Override
  public JobOutcome handle(Job job, JobContext context) {
    if (job.imageId() == null) throw new FrameException("bad_job", "Job " + job.id() + " names no image", true);
    Image image = images.find(job.imageId()).orElseThrow(() -> FrameException.imageNotFound(job.imageId()));
    Path preview = store.preview(image.sha256());
    if (!Files.isRegularFile(preview)) {
      throw new FrameException("preview_missing", "The preview is not made yet, or was deleted: " + preview, false);
    }
    if (type == JobType.PERCEPTUAL_HASH) {
      stacker.measured(image.id(), PerceptualHash.of(upright(preview, PerceptualHash.MEASURED_AT)), null);
    } else {
      stacker.measured(image.id(), null, Sharpness.of(upright(preview, Sharpness.MEASURED_AT)));
    }
    return JobOutcome.completed();
  }

  private BufferedImage upright(Path preview, int longest) {
    // previews are written upright, without an orientation tag
    return decoder.decode(preview, ImageFormat.JPEG, longest).pixels();
  }
}
