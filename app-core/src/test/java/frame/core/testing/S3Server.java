package frame.core.testing;

import frame.core.api.archive.ArchiveCredentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: s3proxy on a loopback port, objects kept as plain files under a
 * folder (so a test can flip a byte behind the server's back). It can be stopped and started again
 * on the same port with the same objects.
 */
public final class S3Server implements AutoCloseable {
  public static final ArchiveCredentials KEYS = new ArchiveCredentials("frame-test-key", "frame-test-secret");

  private final Path folder;
  private final int port;
  private S3Proxy proxy;

  private S3Server(Path folder, int port) {
    this.folder = folder;
    this.port = port;
  }

  public static S3Server start(Path folder) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    S3Server server = new S3Server(folder, port);
    server.startAgain();
    return server;
  }

  public synchronized void startAgain() throws Exception {
    Files.createDirectories(folder);
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", folder.toString());
    proxy = S3Proxy.builder()
        .blobStore(BlobStores.create("filesystem", properties))
        .endpoint(URI.create(endpoint()))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEYS.accessKeyId(), KEYS.secretAccessKey())
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      Thread.onSpinWait();
    }
  }

  public synchronized void stop() throws Exception {
    if (proxy != null) proxy.stop();
    proxy = null;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** A client of its own, for the test to look into the bucket the way any S3 client would. */
  public S3Client client() {
    return S3Client.builder().endpointOverride(URI.create(endpoint())).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(KEYS.accessKeyId(), KEYS.secretAccessKey())))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  public void createBucket(String bucket) {
    try (S3Client client = client()) {
      client.createBucket(b -> b.bucket(bucket));
    }
  }

  /** The file the server keeps an object in: what a disk fault behind its back would damage. */
  public Path objectFile(String bucket, String key) throws IOException {
    Path file = folder.resolve(bucket).resolve(key);
    if (!Files.isRegularFile(file)) throw new IOException("s3proxy keeps no file for " + bucket + "/" + key);
    return file;
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
