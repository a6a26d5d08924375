package frame.server.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.api.Library;
import frame.core.api.library.Image;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobAttempt;
import java.time.Instant;
import java.util.List;

/**
 * A job as the admin API shows it: payload parsed, lock, failed attempts and interruptions against
 * their budgets, priority, last error, and which photo it works on ({@code image}, null for a job
 * of no image). In the history each run says whether it was interrupted (FRAME stopped while it
 * ran) rather than failed.
 */
public record JobDto(
    long id, String type, Long imageId, JsonNode payload, String status, int attempts, int maxAttempts,
    int interruptions, int maxInterruptions, String priority,
    Instant runAfter, String lockedBy, Instant lockedAt, Instant leaseUntil, long leaseToken, String lastError,
    Instant createdAt, Instant updatedAt, Instant completedAt, Photo image, List<AttemptDto> history) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public record AttemptDto(int attempt, String worker, Instant started, Instant ended, String outcome,
      boolean interrupted, String error) {
    static AttemptDto of(JobAttempt a) {
      return new AttemptDto(a.attempt(), a.workerId(), a.started(), a.ended(), a.outcome().name(),
          a.outcome().interrupted(), a.error());
    }
  }

  /**
   * The photo a job works on, enough to recognise it; {@code thumbnailUrl} only once its 128 px
   * thumbnail exists and the photo is not in the trash ({@code inTrash}: removed, restorable, and
   * 404 under /api/images until then).
   */
  public record Photo(long id, String originalName, String status, String format, int width, int height,
      String thumbnailUrl, boolean inTrash) {
    public static final int THUMBNAIL_SIZE = 128;

    public static Photo of(Image image, boolean thumbnailExists, boolean inTrash) {
      return new Photo(image.id(), image.originalName(), image.state().name(), image.format().name(), image.width(),
          image.height(), thumbnailExists && !inTrash ? "/api/images/" + image.id() + "/thumbnail/" + THUMBNAIL_SIZE
              : null, inTrash);
    }
  }

  /** A job without its photo: in a photo's own detail, where the photo is the rest of the answer. */
  public static JobDto of(Job job, List<JobAttempt> attempts) {
    return of(job, attempts, null);
  }

  public static JobDto of(Job job, List<JobAttempt> attempts, Photo image) {
    return new JobDto(job.id(), job.type().name(), job.imageId(), parse(job.payload()), job.state().name(),
        job.attempts(), job.maxAttempts(), job.interruptions(), job.maxInterruptions(),
        job.priority().name().toLowerCase(java.util.Locale.ROOT), job.runAfter(), job.workerId(), job.lockedAt(), job.leaseUntil(),
        job.leaseToken(), job.lastError(), job.createdAt(), job.updatedAt(), job.completedAt(), image,
        attempts == null ? null : attempts.stream().map(AttemptDto::of).toList());
  }

  /** The list's and the detail's form, for the API and the command line alike. */
  public static JobDto of(Library library, Job job, Image image, boolean imageInTrash, List<JobAttempt> attempts) {
    Photo photo = image == null ? null
        : Photo.of(image, !imageInTrash && library.files(image).thumbnail(Photo.THUMBNAIL_SIZE).isPresent(), imageInTrash);
    return of(job, attempts, photo);
  }

  private static JsonNode parse(String payload) {
    try {
      return JSON.readTree(payload);
    } catch (Exception e) {
      return JSON.getNodeFactory().textNode(payload);
    }
  }
}
