package frame.core.archive;

import static frame.core.archive.ArchiveFixture.awaitAll;
import static frame.core.archive.ArchiveFixture.importPhotos;
import static frame.core.archive.ArchiveFixture.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.config.FrameConfig;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobType;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.testing.S3Server;
import frame.core.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On PostgreSQL, a studio's nodes share the archive work: any node archives, each copy verified once recorded. */
class PostgresArchiveTest {
  @TempDir Path dir;
  TestPostgres postgres;

  @BeforeEach
  void database() {
    postgres = TestPostgres.create();
  }

  @AfterEach
  void drop() {
    if (postgres != null) postgres.close();
  }

  private FrameConfig node(String name) throws Exception {
    return ArchiveFixture.config(dir.resolve(name)).withDatabase(postgres.url(), TestPostgres.login())
        .withStorageDir(dir.resolve("shared-storage")).withNodeKind("serve");
  }

  @Test
  void two_nodes_archive_to_a_folder_and_to_s3_and_every_photo_is_stored_once_per_target() throws Exception {
    Path disk = Files.createDirectories(dir.resolve("nas"));
    try (S3Server s3 = S3Server.start(dir.resolve("objects")); Frame first = Frame.open(node("a"));
        Frame second = Frame.open(node("b"))) {
      s3.createBucket("photos");
      first.ports().archive().add(NewArchiveTarget.folder("nas", disk.toString()));
      // the second node adds the bucket; its keys are kept in its own data folder, so the first
      // node is given them too (as "frame archive add" run there would)
      second.ports().archive().add(NewArchiveTarget.s3("bucket", s3.endpoint(), "photos", null, null, S3Server.KEYS));
      new CredentialStore(dir.resolve("a")).save("bucket", S3Server.KEYS);
      List<Image> imported = importPhotos(first, dir.resolve("card"), 6, 500);
      awaitAll(second, ImageState.STORED, Duration.ofSeconds(120));
      for (Image image : imported) {
        var copies = second.ports().archive().copies(image.id());
        assertThat(copies).extracting(c -> c.target()).containsExactlyInAnyOrder("nas", "bucket");
        assertThat(sha256(disk.resolve(copies.stream().filter(c -> c.target().equals("nas")).findFirst().orElseThrow().key())))
            .isEqualTo(image.sha256());
      }
      List<Job> archiveJobs = first.ports().jobs().list(new JobQuery(null, JobType.ARCHIVE_ORIGINAL, null, 1000, 0));
      assertThat(archiveJobs).as("one job per photo and target, whichever node ran it").hasSize(12)
          .allSatisfy(job -> assertThat(job.attempts()).isEqualTo(1));
    }
  }
}
