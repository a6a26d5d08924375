package frame.core.archive;

import static frame.core.archive.ArchiveFixture.awaitAll;
import static frame.core.archive.ArchiveFixture.importPhotos;
import static frame.core.archive.ArchiveFixture.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.archive.ArchiveCredentials;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.archive.ScrubReport;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.testing.S3Server;
import frame.core.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

class S3ArchiveTest {
  private static final String BUCKET = "photos";

  @TempDir Path dataDir;
  @TempDir Path photos;
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

  private NewArchiveTarget nas(ArchiveCredentials keys) {
    return NewArchiveTarget.s3("nas", server.endpoint(), BUCKET, "frame/", "us-east-1", keys);
  }

  private static List<Job> archiveJobs(Frame frame) {
    return frame.ports().jobs().list(new JobQuery(null, JobType.ARCHIVE_ORIGINAL, null, 1000, 0));
  }

  @Test
  void photos_are_stored_when_the_bucket_holds_their_exact_bytes_read_back() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      frame.ports().archive().add(nas(S3Server.KEYS));
      List<Image> imported = importPhotos(frame, photos, 3, 100);
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      try (S3Client client = server.client()) {
        for (Image image : imported) {
          var copy = frame.ports().archive().copies(image.id()).get(0);
          assertThat(copy.how()).contains("GET");
          assertThat(copy.key()).startsWith("frame/originals/").endsWith(image.sha256() + ".jpg");
          assertThat(sha256(client.getObject(b -> b.bucket(BUCKET).key(copy.key())))).isEqualTo(image.sha256());
          assertThat(new String(client.getObjectAsBytes(b -> b.bucket(BUCKET).key(copy.key() + ".json")).asByteArray()))
              .contains(image.sha256());
        }
      }
      ArchiveTarget nas = frame.ports().archive().status().targets().get(0);
      assertThat(nas.reachable()).isTrue();
      assertThat(nas.copies()).isEqualTo(3);
      // A8: the secret is kept for its user alone, and shown nowhere
      Path kept = dataDir.resolve("archive-credentials/nas.properties");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
      assertThat(frame.ports().archive().status().toString()).doesNotContain(S3Server.KEYS.secretAccessKey());
      assertThat(S3Server.KEYS.toString()).doesNotContain(S3Server.KEYS.secretAccessKey());
    }
  }

  @Test
  void a_large_original_goes_up_in_parts_and_is_verified_like_any_other() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir, "multipart-above-bytes=1048576")) {
      frame.ports().archive().add(nas(S3Server.KEYS));
      // an uncompressed BMP of about 9 MB: two parts of 5 MB
      Path file = TestImages.write(photos, "SCAN.BMP", TestImages.encode(TestImages.photo(2000, 1500, 7), "bmp"));
      Image image = ((IngestResult.Stored) frame.ports().imports().importFile(file)).image();
      assertThat(image.byteSize()).isGreaterThan(5L * 1024 * 1024);
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(90));
      try (S3Client client = server.client()) {
        String key = frame.ports().archive().copies(image.id()).get(0).key();
        assertThat(sha256(client.getObject(b -> b.bucket(BUCKET).key(key)))).isEqualTo(image.sha256());
        assertThat(client.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
      }
    }
  }

  @Test
  void wrong_credentials_show_on_the_target_and_fail_no_photo() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      frame.ports().archive().add(nas(new ArchiveCredentials("frame-test-key", "not-the-secret")));
      importPhotos(frame, photos, 2, 200);
      await().atMost(Duration.ofSeconds(60)).until(() -> archiveJobs(frame).size() == 2
          && archiveJobs(frame).stream().allMatch(j -> j.lastError() != null));
      ArchiveTarget nas = frame.ports().archive().status().targets().get(0);
      assertThat(nas.reachable()).isFalse();
      assertThat(nas.problem()).contains("refused the credentials");
      assertThat(nas.backlog()).isEqualTo(2);
      assertThat(frame.ports().archive().status().onePlaceOnly()).isEqualTo(2);
      awaitAll(frame, ImageState.PROCESSED, Duration.ofSeconds(30));
      assertThat(archiveJobs(frame)).allSatisfy(job -> {
        assertThat(job.state()).isIn(JobState.PENDING, JobState.RUNNING);
        assertThat(job.attempts()).as("no failure budget spent").isLessThanOrEqualTo(1);
      });

      assertThat(frame.ports().archive().remove("nas")).isTrue();
      frame.ports().archive().add(nas(S3Server.KEYS));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
    }
  }

  @Test
  void a_missing_bucket_is_named() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      ArchiveTarget added = frame.ports().archive().add(
          NewArchiveTarget.s3("nas", server.endpoint(), "no-such-bucket", null, null, S3Server.KEYS));
      assertThat(added.reachable()).isFalse();
      assertThat(added.problem()).contains("The bucket no-such-bucket does not exist");
    }
  }

  @Test
  void the_server_stopped_mid_run_delays_the_copies_and_fails_nothing() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      frame.ports().archive().add(nas(S3Server.KEYS));
      importPhotos(frame, photos, 2, 300);
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));

      server.stop();
      List<Image> later = importPhotos(frame, photos, 3, 310);
      await().atMost(Duration.ofSeconds(60)).until(() -> archiveJobs(frame).stream()
          .filter(j -> later.stream().anyMatch(i -> i.id() == j.imageId()))
          .filter(j -> j.lastError() != null && j.lastError().contains("Cannot reach")).count() == 3);
      ArchiveTarget down = frame.ports().archive().status().targets().get(0);
      assertThat(down.reachable()).isFalse();
      assertThat(down.problem()).contains("Cannot reach bucket photos");
      assertThat(down.backlog()).isEqualTo(3);
      for (Image image : later) assertThat(frame.ports().library().image(image.id()).state()).isEqualTo(ImageState.PROCESSED);
      assertThat(archiveJobs(frame)).noneMatch(j -> j.state() == JobState.FAILED);

      server.startAgain();
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      assertThat(archiveJobs(frame)).allSatisfy(job -> assertThat(job.state()).isEqualTo(JobState.COMPLETED));
      assertThat(frame.ports().archive().status().targets().get(0).reachable()).isTrue();
    }
  }

  @Test
  void a_byte_flipped_behind_the_servers_back_is_found_by_scrub_and_mended() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      frame.ports().archive().add(nas(S3Server.KEYS));
      List<Image> imported = importPhotos(frame, photos, 2, 400);
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      Image damaged = imported.get(1);
      String key = frame.ports().archive().copies(damaged.id()).get(0).key();
      Path file = server.objectFile(BUCKET, key);
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 3] ^= 0x40;
      Files.write(file, bytes);

      ScrubReport report = frame.ports().archive().scrub(100);
      assertThat(report.photos()).isEqualTo(2);
      assertThat(report.bad()).singleElement().satisfies(finding -> {
        assertThat(finding.imageId()).isEqualTo(damaged.id());
        assertThat(finding.place()).isEqualTo("nas");
        assertThat(finding.action()).startsWith("mended");
      });
      try (S3Client client = server.client()) {
        assertThat(sha256(client.getObject(b -> b.bucket(BUCKET).key(key)))).isEqualTo(damaged.sha256());
      }
      assertThat(frame.ports().archive().scrub(100).clean()).isTrue();
      assertThat(frame.ports().library().image(damaged.id()).state()).isEqualTo(ImageState.STORED);
    }
  }
}
