package frame.core.job;

/** A job to enqueue. */
public record NewJob(JobType type, Long imageId, String payload, int maxAttempts) {
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  public static NewJob forImage(JobType type, long imageId) {
    return new NewJob(type, imageId, "{\"imageId\":" + imageId + "}", DEFAULT_MAX_ATTEMPTS);
  }
}
