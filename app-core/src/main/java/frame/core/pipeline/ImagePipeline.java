package frame.core.pipeline;

import frame.core.db.Jdbc.Tx;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.core.job.JobLifecycle;
import frame.core.job.JobRepository;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Moves images along INGESTED -> PROCESSING -> PROCESSED (or FAILED) as their jobs end, in the
 * same transaction as the job. The image row is locked first, so two of its jobs finishing at the
 * same moment both see each other's result.
 */
public final class ImagePipeline implements JobLifecycle {
  private final ImageRepository images;
  private final JobRepository jobs;
  private volatile ArchiveSteps archive = ArchiveSteps.NONE;

  public ImagePipeline(ImageRepository images, JobRepository jobs) {
    this.images = images;
    this.jobs = jobs;
  }

  /** Hands PROCESSED images on to the archive (set once at assembly, before the runner starts). */
  public void archiveWith(ArchiveSteps steps) {
    this.archive = steps;
  }

  @Override
  public void completed(Tx tx, Job job, Instant now, List<FrameEvent> events) throws SQLException {
    if (job.imageId() == null) return;
    long imageId = job.imageId();
    images.lock(tx, imageId, now);
    if (job.type() == JobType.OFFLOAD_ORIGINAL) {
      move(tx, imageId, ImageState.INGESTED, ImageState.PROCESSING, null, now, events);
    } else if (job.type() == JobType.ARCHIVE_ORIGINAL) {
      archive.archived(tx, job, now, events);
    } else if (JobType.DERIVED.contains(job.type())) {
      List<Job> derived = jobs.forImage(tx, imageId).stream().filter(j -> JobType.DERIVED.contains(j.type())).toList();
      long done = derived.stream().filter(j -> j.state() == JobState.COMPLETED).count();
      if (done == JobType.DERIVED.size()) {
        if (move(tx, imageId, ImageState.PROCESSING, ImageState.PROCESSED, null, now, events)) {
          archive.processed(tx, imageId, now, events);
        }
      } else if (derived.size() == JobType.DERIVED.size() && derived.stream().noneMatch(j -> j.state().isActive())) {
        // an admin retried one step while another stayed failed: the image fails with that one
        Job ended = derived.stream().filter(j -> j.state() != JobState.COMPLETED).findFirst().orElseThrow();
        move(tx, imageId, ImageState.PROCESSING, ImageState.FAILED,
            ended.type().stepName() + " failed: " + firstLine(ended.lastError()), now, events);
      }
    }
  }

  /** Retried or regenerated: the image goes back to the step that job belongs to. */
  @Override
  public void requeued(Tx tx, Job job, Instant now, List<FrameEvent> events) throws SQLException {
    if (job.imageId() == null || job.type() == JobType.ARCHIVE_ORIGINAL) return; // archiving moves no step back
    if (job.type().isAnalysis()) return;
    images.lock(tx, job.imageId(), now);
    Image image = images.find(tx, job.imageId()).orElse(null);
    if (image == null) return;
    ImageState back = job.type() == JobType.OFFLOAD_ORIGINAL ? ImageState.INGESTED : ImageState.PROCESSING;
    if (image.state() != back && image.state().canBecome(back)) move(tx, image.id(), image.state(), back, null, now, events);
  }

  private static String firstLine(String text) {
    if (text == null) return "";
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  @Override
  public void failed(Tx tx, Job job, String reason, Instant now, List<FrameEvent> events) throws SQLException {
    if (job.imageId() == null || job.type() == JobType.ARCHIVE_ORIGINAL) return; // a photo never fails for its archive
    // analysis that gave up leaves the photo as it is: it has no sharpness or stack, nothing worse
    if (job.type().isAnalysis()) return;
    images.lock(tx, job.imageId(), now);
    Image image = images.find(tx, job.imageId()).orElse(null);
    if (image == null || image.state().isFinal()) return;
    move(tx, image.id(), image.state(), ImageState.FAILED, job.type().stepName() + " failed: " + reason, now, events);
  }

  private boolean move(Tx tx, long imageId, ImageState from, ImageState to, String reason, Instant now,
      List<FrameEvent> events) throws SQLException {
    if (!images.transition(tx, imageId, from, to, reason, now)) return false;
    events.add(new FrameEvent.ImageChanged(imageId, to));
    return true;
  }
}
