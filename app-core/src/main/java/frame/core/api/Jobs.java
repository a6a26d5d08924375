package frame.core.api;

import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobDetails;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.JobWithImage;
import frame.core.api.jobs.Regeneration;
import frame.core.api.library.ImageState;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The work FRAME does on each photo: its jobs, their history, and what a person may do with them. */
public interface Jobs {
  List<Job> list(JobQuery query);

  /** A page of jobs, each with its photo, read in one query. */
  List<JobWithImage> listWithImages(JobQuery query);

  long count(JobQuery query);

  Map<JobState, Long> countsByState();

  /** One job with every attempt and its photo. */
  JobDetails details(long id);

  /** Active (PENDING or RUNNING) jobs of each of these photos. */
  Map<Long, List<Job>> activeFor(Collection<Long> imageIds);

  /**
   * A new run, due now, of a FAILED or CANCELLED job; its budgets are extended by 3 failed attempts
   * and 6 interruptions, and its history keeps every earlier run. Its photo goes back to processing.
   */
  Job retry(long id);

  /** {@link #retry} for each; stops at the first that cannot be retried (those before it are retried). */
  List<Job> retryEach(Collection<Long> ids);

  /** Retries every FAILED job, of {@code type} when it is not null. */
  List<Job> retryFailed(JobType type);

  /** Takes a PENDING job out of the queue; its photo ends FAILED with "cancelled by an admin". */
  Job cancel(long id);

  /**
   * Sends photos back through the steps to make their files again (after a bad run, a settings
   * change, a new codec): their ended jobs go back to the queue behind fresh uploads, the photos to
   * processing, and each file is replaced atomically when it is made. Says which were sent back and
   * which were left as they are (still on their way). Every id known, or nothing is sent back.
   */
  Regeneration regenerate(Collection<Long> imageIds);

  /** {@link #regenerate} of every photo in {@code state} (every photo when it is null), the trash left out. */
  Regeneration regenerateEvery(ImageState state);
}
