package frame.core.archive;

import static frame.core.archive.ArchiveFixture.awaitAll;
import static frame.core.archive.ArchiveFixture.importPhotos;
import static frame.core.archive.ArchiveFixture.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.FrameLibrary;
import frame.core.api.archive.CatalogueOnTarget;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.catalogue.BackupTaken;
import frame.core.api.culling.Tombstone;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.testing.FrameFixture;
import frame.core.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The daily catalogue backup lands, verified, in each archive target, the newest N kept; a restore takes it back. */
class CatalogueBackupInTargetsTest {
  private static final String BUCKET = "photos";

  @TempDir Path temp;

  @Test
  void a_frame_left_open_keeps_its_catalogue_in_a_folder_target_and_a_restore_from_it_brings_back_the_tombstones()
      throws Exception {
    Path dataDir = temp.resolve("data");
    Path disk = Files.createDirectories(temp.resolve("disk"));
    String kept;
    String deleted;
    try (Frame frame = ArchiveFixture.open(dataDir, "catalogue-backup-every=PT0.5S")) {
      List<Image> imported = importPhotos(frame, temp.resolve("photos"), 2, 40);
      awaitAll(frame, ImageState.PROCESSED, Duration.ofSeconds(60));
      deleted = imported.get(1).sha256();
      frame.ports().trash().remove(List.of(imported.get(1).id()));
      assertThat(frame.ports().trash().empty()).isEqualTo(1);
      kept = imported.get(0).sha256();

      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));

      // nobody asks: the schedule puts a whole backup into the target and the status names it
      CatalogueOnTarget last = await("a catalogue backup in the target").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> frame.ports().archive().status().targets().get(0).catalogue(), c -> c != null && c.name() != null);
      assertThat(last.problem()).isNull();
      Path backup = disk.resolve("frame-catalogue").resolve(last.name());
      assertThat(backup.resolve("frame-backup.json")).isRegularFile();
      assertThat(backup.resolve("database.tar.gz")).isRegularFile();
      // the status names the copy as soon as it is verified; the work folder goes right after
      await("the backup's work folder removed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> !Files.exists(dataDir.resolve(ScheduledCatalogueBackup.WORK_FOLDER)));
    }

    Path restored = temp.resolve("restored");
    FrameLibrary.restore(FrameFixture.config(restored), disk.resolve("frame-catalogue"), false);
    try (Frame frame = Frame.open(FrameFixture.config(restored))) {
      assertThat(frame.ports().library().list(ImageQuery.all())).extracting(Image::sha256).containsExactly(kept);
      assertThat(frame.ports().culling().tombstones()).extracting(Tombstone::sha256).containsExactly(deleted);
    }
  }

  @Test
  void a_target_that_is_away_shows_why_and_gets_its_backup_at_a_later_look() throws Exception {
    Path dataDir = temp.resolve("data");
    Path disk = temp.resolve("unplugged");
    try (Frame frame = ArchiveFixture.open(dataDir, "catalogue-backup-every=PT0.3S")) {
      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));

      CatalogueOnTarget failed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
          .until(() -> frame.ports().archive().status().targets().get(0).catalogue(), c -> c != null && c.problem() != null);
      assertThat(failed.name()).isNull();
      assertThat(failed.problem()).contains("is not there");

      Files.createDirectories(disk); // plugged in
      CatalogueOnTarget done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
          .until(() -> frame.ports().archive().status().targets().get(0).catalogue(), c -> c.name() != null);
      assertThat(done.problem()).isNull();
      assertThat(disk.resolve("frame-catalogue").resolve(done.name()).resolve("frame-backup.json")).isRegularFile();
    }
  }

  @Test
  void a_folder_target_keeps_the_newest_whole_backups_and_drops_one_cut_short() throws Exception {
    Path disk = Files.createDirectories(temp.resolve("disk"));
    FolderTarget target = new FolderTarget(disk);
    Path cutShort = Files.createDirectories(disk.resolve("frame-catalogue/frame-backup-20250101-000000"));
    Files.writeString(cutShort.resolve("database.tar.gz"), "half a backup");

    List<Path> backups = backupsNamed(temp.resolve("local"), 3);
    CatalogueCopies copies = new CatalogueCopies(2);
    for (Path backup : backups) copies.copy(backup, target);

    assertThat(target.catalogueBackups()).containsExactly(
        new Target.StoredBackup("frame-backup-20260102-000000", true),
        new Target.StoredBackup("frame-backup-20260103-000000", true));
    Path newest = backups.get(2);
    for (String file : List.of("database.tar.gz", "frame-backup.json")) {
      assertThat(sha256(disk.resolve("frame-catalogue").resolve(newest.getFileName()).resolve(file)))
          .isEqualTo(sha256(newest.resolve(file)));
    }
  }

  @Test
  void an_s3_target_gets_the_backup_under_its_prefix_verified_and_keeps_the_newest() throws Exception {
    Path objects = Files.createDirectories(temp.resolve("objects"));
    try (S3Server server = S3Server.start(objects)) {
      server.createBucket(BUCKET);
      Path dataDir = temp.resolve("data");
      try (Frame frame = ArchiveFixture.open(dataDir, "catalogue-backup-every=PT0.5S")) {
        importPhotos(frame, temp.resolve("photos"), 1, 60);
        frame.ports().archive().add(NewArchiveTarget.s3("nas", server.endpoint(), BUCKET, "frame/", null, S3Server.KEYS));

        CatalogueOnTarget last = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
            .until(() -> frame.ports().archive().status().targets().get(0).catalogue(), c -> c != null && c.name() != null);
        try (S3Client client = server.client()) {
          List<String> keys = client.listObjectsV2(b -> b.bucket(BUCKET).prefix("frame/frame-catalogue/" + last.name() + "/"))
              .contents().stream().map(o -> o.key().substring(o.key().lastIndexOf('/') + 1)).toList();
          assertThat(keys).contains("database.tar.gz", "frame-backup.json");
        }
      }

      try (S3Target target = new S3Target(server.endpoint(), BUCKET, "pruned/", null, S3Server.KEYS, 64L << 20)) {
        List<Path> backups = backupsNamed(temp.resolve("local"), 3);
        CatalogueCopies copies = new CatalogueCopies(2);
        for (Path backup : backups) copies.copy(backup, target);
        assertThat(target.catalogueBackups()).extracting(Target.StoredBackup::name)
            .containsExactly("frame-backup-20260102-000000", "frame-backup-20260103-000000");
        try (S3Client client = server.client()) {
          String key = "pruned/frame-catalogue/frame-backup-20260103-000000/database.tar.gz";
          assertThat(sha256(client.getObject(b -> b.bucket(BUCKET).key(key))))
              .isEqualTo(sha256(backups.get(2).resolve("database.tar.gz")));
        }
      }
    }
  }

  /** One real backup of a small catalogue, copied under {@code count} names a day apart. */
  private static List<Path> backupsNamed(Path folder, int count) throws Exception {
    BackupTaken taken;
    try (Frame frame = FrameFixture.open(folder.resolve("data"))) {
      importPhotos(frame, folder.resolve("photos"), 1, 90);
      taken = frame.ports().catalogue().backup(folder.resolve("taken"));
    }
    List<Path> named = new java.util.ArrayList<>();
    for (int day = 1; day <= count; day++) {
      Path copy = Files.createDirectories(folder.resolve("frame-backup-2026010" + day + "-000000"));
      try (Stream<Path> files = Files.list(taken.folder())) {
        for (Path file : files.toList()) Files.copy(file, copy.resolve(file.getFileName()));
      }
      named.add(copy);
    }
    return named;
  }
}
