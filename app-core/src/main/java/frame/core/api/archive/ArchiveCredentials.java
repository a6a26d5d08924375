package frame.core.api.archive;

/** An access key pair for an S3 target. Its text form hides the secret, so a log line never shows it. */
public record ArchiveCredentials(String accessKeyId, String secretAccessKey) {
  public ArchiveCredentials {
    if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
      throw new IllegalArgumentException("An S3 target needs an access key id and a secret access key");
    }
  }

  @Override
  public String toString() {
    return "ArchiveCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
  }
}
