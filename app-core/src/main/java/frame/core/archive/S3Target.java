package frame.core.archive;

import frame.core.api.archive.ArchiveCredentials;
import frame.core.api.library.Image;
import frame.core.crash.Failpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3-compatible target (MinIO, Garage, SeaweedFS, AWS), path-style, through the AWS SDK with
 * its own checksums off unless an operation needs them (third-party servers refuse its CRC32
 * trailers). Originals go under {@code <prefix>originals/<2 hex>/<sha256>.<ext>}, their sidecar
 * beside them with {@code .json} appended: a rerun writes the same key, and the key names the bytes.
 * Files above {@link #multipartAbove} go up in parts; a part-upload left by a killed FRAME for the
 * same key is aborted before the next try, so none stays open for ever. After each part of a
 * photo's original it passes the failpoint {@code archive:part:<image id>} (where the crash tests
 * kill a FRAME mid-upload; {@link Failpoints#NONE} in production).
 */
final class S3Target implements Target {
  static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final String where;
  private final long multipartAbove;
  private final Failpoints failpoints;
  private volatile boolean sendSha256 = true;

  S3Target(String endpoint, String bucket, String prefix, String region, ArchiveCredentials credentials,
      long multipartAbove) {
    this(endpoint, bucket, prefix, region, credentials, multipartAbove, Failpoints.NONE);
  }

  S3Target(String endpoint, String bucket, String prefix, String region, ArchiveCredentials credentials,
      long multipartAbove, Failpoints failpoints) {
    this.failpoints = failpoints;
    this.bucket = bucket;
    this.prefix = prefix == null || prefix.isBlank() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
    this.where = "bucket " + bucket + " at " + endpoint;
    this.multipartAbove = multipartAbove;
    this.s3 = S3Client.builder()
        .endpointOverride(URI.create(endpoint))
        .forcePathStyle(true)
        .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)).build())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(2)))
        .build();
  }

  String keyOf(Image image) {
    return prefix + "originals/" + image.sha256().substring(0, 2) + "/" + image.sha256() + "."
        + image.format().extension();
  }

  @Override
  public String put(Image image, Path original, byte[] sidecar) throws IOException {
    String key = keyOf(image);
    call(() -> {
      abortUnfinishedUploads(key);
      upload(key, original, () -> failpoints.reach("archive:part:" + image.id()));
      s3.putObject(b -> b.bucket(bucket).key(key + ".json").contentType("application/json"),
          RequestBody.fromBytes(sidecar));
      return null;
    });
    return key;
  }

  @Override
  public InputStream read(String key) throws IOException {
    try {
      ResponseInputStream<GetObjectResponse> in = call(() -> s3.getObject(b -> b.bucket(bucket).key(key)));
      return in;
    } catch (TargetFault fault) {
      if (fault.getCause() instanceof NoSuchKeyException missing) {
        throw new java.nio.file.NoSuchFileException(key, null, "not in " + where);
      }
      throw fault;
    }
  }

  @Override
  public List<String> originalKeys() {
    String under = prefix + "originals/";
    return call(() -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(under)).contents().stream()
        .map(S3Object::key).filter(key -> !key.endsWith(".json")).sorted().toList());
  }

  @Override
  public Optional<byte[]> sidecar(String key) {
    try {
      return Optional.of(call(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key + ".json")).asByteArray()));
    } catch (TargetFault fault) {
      if (fault.getCause() instanceof NoSuchKeyException) return Optional.empty();
      throw fault;
    }
  }

  @Override
  public void writeSidecar(String key, byte[] sidecar) {
    call(() -> s3.putObject(b -> b.bucket(bucket).key(key + ".json").contentType("application/json"),
        RequestBody.fromBytes(sidecar)));
  }

  @Override
  public void overwrite(String key, Path original) {
    call(() -> {
      upload(key, original, NO_PLACE);
      return null;
    });
  }

  @Override
  public String putCatalogueFile(String backup, String file, Path source) {
    String key = prefix + CATALOGUE + backup + "/" + file;
    call(() -> {
      upload(key, source, NO_PLACE);
      return null;
    });
    return key;
  }

  @Override
  public List<StoredBackup> catalogueBackups() {
    String under = prefix + CATALOGUE;
    java.util.Map<String, Boolean> backups = new java.util.TreeMap<>();
    for (String key : keysUnder(under)) {
      int slash = key.indexOf('/', under.length());
      if (slash < 0) continue;
      String name = key.substring(under.length(), slash);
      boolean manifest = key.substring(slash + 1).equals(FolderTarget.MANIFEST);
      backups.merge(name, manifest, Boolean::logicalOr);
    }
    return backups.entrySet().stream().map(e -> new StoredBackup(e.getKey(), e.getValue())).toList();
  }

  @Override
  public void deleteCatalogueBackup(String backup) {
    for (String key : keysUnder(prefix + CATALOGUE + backup + "/")) {
      call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }
  }

  private List<String> keysUnder(String under) {
    return call(() -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(under)).contents().stream()
        .map(software.amazon.awssdk.services.s3.model.S3Object::key).toList());
  }

  @Override
  public String verifiedHow() {
    return "GET from the server, SHA-256 of the bytes read matched";
  }

  @Override
  public void check() {
    call(() -> s3.headBucket(b -> b.bucket(bucket)));
  }

  private static final Runnable NO_PLACE = () -> {};

  /** Uploads the file under {@code key}, in parts when large, running {@code afterPart} after each part. */
  private void upload(String key, Path original, Runnable afterPart) throws IOException {
    long size = Files.size(original);
    if (size > multipartAbove) {
      uploadInParts(key, original, size, afterPart);
      return;
    }
    if (sendSha256) {
      try {
        String sha = Base64.getEncoder().encodeToString(sha256(original));
        s3.putObject(b -> b.bucket(bucket).key(key).checksumSHA256(sha), RequestBody.fromFile(original));
        return;
      } catch (S3Exception e) {
        if (e.statusCode() != 400 && e.statusCode() != 501) throw e;
        sendSha256 = false; // this server does not take x-amz-checksum-sha256: the read-back still proves the bytes
      }
    }
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(original));
  }

  private void uploadInParts(String key, Path original, long size, Runnable afterPart) throws IOException {
    String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long partSize = Math.max(5L * 1024 * 1024, Math.min(multipartAbove, DEFAULT_PART_SIZE));
      try (var channel = java.nio.channels.FileChannel.open(original)) {
        int number = 1;
        for (long offset = 0; offset < size; offset += partSize, number++) {
          long length = Math.min(partSize, size - offset);
          java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) length);
          while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) throw new IOException("The original shrank");
          }
          buffer.flip();
          int part = number;
          String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(part),
              RequestBody.fromByteBuffer(buffer)).eTag();
          parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
          afterPart.run();
        }
      }
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (IOException | RuntimeException e) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      } catch (RuntimeException abortFailed) {
        e.addSuppressed(abortFailed); // the next try for this key aborts it
      }
      throw e;
    }
  }

  /** Aborts part-uploads of this key that an earlier, interrupted run left open. */
  int abortUnfinishedUploads(String key) {
    List<MultipartUpload> open;
    try {
      open = s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads();
    } catch (S3Exception e) {
      if (e.statusCode() == 501) return 0; // a server without listing has its own expiry
      throw e;
    }
    int aborted = 0;
    for (MultipartUpload upload : open) {
      if (!key.equals(upload.key())) continue;
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload.uploadId()));
      aborted++;
    }
    return aborted;
  }

  /** Part-uploads still open under this target's prefix (for tests and the status). */
  List<String> openUploads() {
    return call(() -> s3.listMultipartUploads(b -> b.bucket(bucket).prefix(prefix)).uploads().stream()
        .map(MultipartUpload::key).toList());
  }

  private interface S3Call<T> {
    T run() throws IOException;
  }

  /** Runs a call, turning the target's own trouble into a {@link TargetFault} that says why. */
  private <T> T call(S3Call<T> work) {
    try {
      return work.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading the local original: not the target's fault
    } catch (S3Exception e) {
      throw new TargetFault(reason(e), e);
    } catch (SdkClientException e) {
      throw new TargetFault("Cannot reach " + where + ": " + rootMessage(e), e);
    } catch (SdkException e) {
      throw new TargetFault("The S3 server failed: " + rootMessage(e), e);
    }
  }

  private String reason(S3Exception e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    int status = e.statusCode();
    if ("NoSuchBucket".equals(code) || (status == 404 && code == null)) return "The bucket " + bucket + " does not exist";
    if (status == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
      return "The S3 server refused the credentials for " + where + (code == null ? "" : " (" + code + ")");
    }
    if ("NoSuchKey".equals(code)) return "No such object in " + where;
    return "The S3 server answered " + status + (code == null ? "" : " " + code) + " for " + where;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  static byte[] sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
      return digest.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
