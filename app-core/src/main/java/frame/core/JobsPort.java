package frame.core;

import frame.core.api.FrameException;
import frame.core.api.Jobs;
import frame.core.api.Library;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobDetails;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.JobWithImage;
import frame.core.api.jobs.Regeneration;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.image.ImageRepository;
import frame.core.job.JobControl;
import frame.core.job.JobRepository;
import frame.core.trash.Trash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** {@link Jobs} over the job table and the job control (retry, cancel, regenerate). */
final class JobsPort implements Jobs {
  private final JobRepository jobs;
  private final ImageRepository images;
  private final JobControl control;
  private final Trash trash;
  private final Library library;

  JobsPort(JobRepository jobs, ImageRepository images, JobControl control, Trash trash, Library library) {
    this.jobs = jobs;
    this.images = images;
    this.control = control;
    this.trash = trash;
    this.library = library;
  }

  @Override
  public List<Job> list(JobQuery query) {
    return jobs.list(query);
  }

  @Override
  public List<JobWithImage> listWithImages(JobQuery query) {
    return jobs.listWithImages(query);
  }

  @Override
  public long count(JobQuery query) {
    return jobs.count(query);
  }

  @Override
  public Map<JobState, Long> countsByState() {
    return jobs.countByState();
  }

  @Override
  public JobDetails details(long id) {
    Job job = jobs.find(id).orElseThrow(() -> FrameException.jobNotFound(id));
    Image image = job.imageId() == null ? null : images.find(job.imageId()).orElse(null);
    return new JobDetails(job, jobs.attempts(id), image, image != null && trash.isRemoved(image.id()));
  }

  @Override
  public Map<Long, List<Job>> activeFor(Collection<Long> imageIds) {
    return jobs.activeForImages(imageIds);
  }

  @Override
  public Job retry(long id) {
    return control.retry(id);
  }

  @Override
  public List<Job> retryEach(Collection<Long> ids) {
    return ids.stream().map(control::retry).toList();
  }

  @Override
  public List<Job> retryFailed(JobType type) {
    return retryEach(jobs.idsIn(JobState.FAILED, type));
  }

  @Override
  public Job cancel(long id) {
    return control.cancel(id);
  }

  @Override
  public Regeneration regenerate(Collection<Long> imageIds) {
    List<Long> ids = imageIds.stream().distinct().toList();
    ids.forEach(library::image); // every id known, or nothing sent back
    return regenerateEach(ids);
  }

  @Override
  public Regeneration regenerateEvery(ImageState state) {
    return regenerateEach(images.ids(state).stream().filter(id -> !trash.isRemoved(id)).toList());
  }

  private Regeneration regenerateEach(List<Long> ids) {
    List<Long> sent = new ArrayList<>();
    List<Long> left = new ArrayList<>();
    for (long id : ids) (control.regenerate(id).isEmpty() ? left : sent).add(id);
    return new Regeneration(sent, left);
  }
}
