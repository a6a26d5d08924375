package frame.reliability;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.FrameLibrary;
import frame.core.api.archive.ArchiveCopy;
import frame.core.api.library.Image;
import frame.core.testing.S3Server;
import frame.core.testing.TestImages;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * kill -9 in the middle of a multipart upload to an S3 server (s3proxy): one part is up, the
 * upload is not completed. Nothing is STORED on faith, and the restart leaves no upload open.
 */
class S3ArchiveCrashTest {
  private static final String BUCKET = "photos";

  @TempDir Path dataDir;
  @TempDir Path objects;
  S3Server server;

  @BeforeEach
  void startServer() throws Exception {
    server = S3Server.start(objects);
    server.createBucket(BUCKET);
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  @Test
  void a_kill_mid_multipart_upload_stores_no_photo_without_a_verified_copy_and_the_restart_leaves_no_upload_open()
      throws Exception {
    // files above 1 MiB go up in parts of 5 MiB (the S3 minimum): the scan below takes two
    Files.writeString(dataDir.resolve("archive.properties"), "multipart-above-bytes=1048576\n");
    byte[] scan = TestImages.encode(photo(2000, 1500, 7), "bmp");
    assertThat(scan.length).isGreaterThan(5 * 1024 * 1024);
    ArchiveKill kill = new ArchiveKill(dataDir, "archive:part", 1);
    ChildFrame child = kill.child().withEnvironment(Map.of("AWS_ACCESS_KEY_ID", S3Server.KEYS.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", S3Server.KEYS.secretAccessKey())).start();
    Map<String, byte[]> photos = new LinkedHashMap<>();
    for (int i = 0; i < 2; i++) photos.put("IMG_000" + i + ".JPG", jpeg(photo(320, 240, 900 + i)));
    photos.put("SCAN.BMP", scan);

    long held = kill.killWhileHeld(child, List.of("nas", "--s3", server.endpoint(), "--bucket", BUCKET), photos);

    Image caught = kill.assertNothingStoredOnFaith(held, this::assertVerifiedCopy);
    assertThat(caught.byteSize()).isEqualTo(scan.length);
    try (S3Client client = server.client()) {
      assertThat(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).as("the upload the kill cut off")
          .singleElement().extracting(MultipartUpload::key).asString().contains(caught.sha256());
    }
    kill.assertRestartStoresAll(3, this::assertVerifiedCopy);
    try (S3Client client = server.client()) {
      assertThat(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).as("uploads left open").isEmpty();
    }
  }

  /** One copy, recorded with the photo's SHA-256, whose bytes as the server gives them hash to it. */
  private void assertVerifiedCopy(FrameLibrary frame, Image image) throws Exception {
    List<ArchiveCopy> copies = frame.ports().archive().copies(image.id());
    assertThat(copies).as("copies of #%d", image.id()).hasSize(1);
    ArchiveCopy copy = copies.get(0);
    assertThat(copy.sha256()).isEqualTo(image.sha256());
    try (S3Client client = server.client(); InputStream in = client.getObject(b -> b.bucket(BUCKET).key(copy.key()))) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
      assertThat(HexFormat.of().formatHex(digest.digest())).as("bytes of %s on the server", copy.key())
          .isEqualTo(image.sha256());
    }
  }
}
