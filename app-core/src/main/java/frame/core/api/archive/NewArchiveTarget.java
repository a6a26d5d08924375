package frame.core.api.archive;

/**
 * A target to add. For {@link ArchiveTargetKind#S3}: {@code location} is the endpoint URL, with a
 * bucket, an optional key prefix and region, and credentials. For a folder: {@code location} is
 * the folder, and the rest is null.
 */
public record NewArchiveTarget(String name, ArchiveTargetKind kind, String location, String bucket, String prefix,
    String region, ArchiveCredentials credentials) {

  public static NewArchiveTarget folder(String name, String folder) {
    return new NewArchiveTarget(name, ArchiveTargetKind.FOLDER, folder, null, null, null, null);
  }

  public static NewArchiveTarget s3(String name, String endpoint, String bucket, String prefix, String region,
      ArchiveCredentials credentials) {
    return new NewArchiveTarget(name, ArchiveTargetKind.S3, endpoint, bucket, prefix, region, credentials);
  }
}
