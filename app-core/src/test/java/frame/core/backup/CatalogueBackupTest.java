package frame.core.backup;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.Frame;
import frame.core.api.catalogue.BackupTaken;
import frame.core.api.catalogue.Restored;
import frame.core.api.config.FrameConfig;
import frame.core.api.jobs.JobQuery;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.testing.FrameFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueBackupTest {
  @TempDir Path temp;

  @Test
  void backups_taken_while_photos_arrive_restore_to_a_catalogue_where_every_photo_has_its_jobs_and_original()
      throws Exception {
    Path data = temp.resolve("data");
    List<BackupTaken> backups = new ArrayList<>();
    try (Frame frame = FrameFixture.open(data)) {
      AtomicInteger imported = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(5);
      Thread importer = Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 60; i++) {
          frame.ports().imports().ingest(new ByteArrayInputStream(jpeg(photo(160, 120, i))), "IMG_" + i + ".jpg", null);
          imported.incrementAndGet();
          started.countDown();
        }
      });
      started.await();
      while (importer.isAlive() && backups.size() < 4) backups.add(frame.ports().catalogue().backup(temp.resolve("backups")));
      importer.join();
      assertThat(imported).hasValue(60);
    }
    assertThat(backups).as("at least one backup was taken while photos arrived").isNotEmpty();
    for (BackupTaken taken : backups) {
      Path restored = temp.resolve("restored-" + taken.folder().getFileName());
      copyTree(data.resolve("storage"), restored.resolve("storage"));
      restore(restored).from(taken.folder(), false);
      try (Frame frame = Frame.open(FrameFixture.config(restored), Clock.systemUTC(),
          Frame.settingsFor(FrameFixture.config(restored)), false)) {
        List<Image> images = frame.ports().library().list(ImageQuery.all());
        assertThat(images).as("photos committed when the backup began, and perhaps a few more")
            .hasSizeGreaterThanOrEqualTo((int) taken.images()).hasSizeLessThan(60);
        for (Image image : images) {
          assertThat(frame.ports().jobs().list(JobQuery.forImage(image.id()))).as("jobs of " + image.originalName()).isNotEmpty();
          assertThat(frame.ports().library().files(image).original()).as("original of " + image.originalName()).isRegularFile();
        }
        assertThat(frame.ports().catalogue().adoptOrphans()).as("photos stored after the backup come back").isEqualTo(60 - images.size());
        assertThat(frame.ports().library().list(ImageQuery.all())).hasSize(60);
      }
    }
  }

  @Test
  void a_restore_after_the_database_folder_is_deleted_brings_back_every_photo_and_adopts_later_ones() throws Exception {
    Path data = temp.resolve("data");
    BackupTaken taken;
    try (Frame frame = FrameFixture.open(data)) {
      for (int i = 0; i < 3; i++) frame.ports().imports().ingest(new ByteArrayInputStream(jpeg(photo(160, 120, i))), "before-" + i + ".jpg", null);
      FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60));
      taken = frame.ports().catalogue().backup(temp.resolve("backups"));
      frame.ports().imports().ingest(new ByteArrayInputStream(jpeg(photo(160, 120, 99))), "after.jpg", null);
    }
    CatalogueBackup.deleteTree(data.resolve("db"));

    Restored result = restore(data).from(temp.resolve("backups"), false);

    assertThat(result.backup()).isEqualTo(taken.folder());
    assertThat(result.replacedDatabase()).isEmpty();
    try (Frame frame = FrameFixture.open(data)) {
      assertThat(frame.ports().library().list(ImageQuery.all())).extracting(Image::originalName)
          .containsExactlyInAnyOrder("before-0.jpg", "before-1.jpg", "before-2.jpg");
      assertThat(frame.ports().catalogue().adoptOrphans()).isEqualTo(1);
      assertThat(FrameFixture.awaitAllFinal(frame, Duration.ofSeconds(60))).hasSize(4)
          .allSatisfy(image -> assertThat(image.state().name()).isEqualTo("PROCESSED"));
    }
  }

  @Test
  void a_healthy_database_is_replaced_only_when_forced_and_is_then_kept_aside() throws Exception {
    Path data = temp.resolve("data");
    try (Frame frame = FrameFixture.open(data)) {
      frame.ports().imports().ingest(new ByteArrayInputStream(jpeg(photo(160, 120, 1))), "one.jpg", null);
      frame.ports().catalogue().backup(temp.resolve("backups"));
    }
    assertThatThrownBy(() -> restore(data).from(temp.resolve("backups"), false))
        .isInstanceOf(BackupRefused.class).hasMessageContaining("healthy").hasMessageContaining("--force");

    Restored forced = restore(data).from(temp.resolve("backups"), true);

    assertThat(forced.replacedDatabase()).get().satisfies(aside -> assertThat(aside.resolve("frame.script")).isRegularFile());
  }

  @Test
  void a_backup_with_a_flipped_byte_is_refused_and_the_damaged_database_is_left_as_it_was() throws Exception {
    Path data = temp.resolve("data");
    BackupTaken taken;
    try (Frame frame = FrameFixture.open(data)) {
      frame.ports().imports().ingest(new ByteArrayInputStream(jpeg(photo(160, 120, 1))), "one.jpg", null);
      taken = frame.ports().catalogue().backup(temp.resolve("backups"));
    }
    Path archive = taken.folder().resolve(CatalogueBackup.DATABASE_FILE);
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(archive, bytes);
    Files.delete(data.resolve("db").resolve("frame.script"));
    List<String> before = names(data.resolve("db"));

    assertThatThrownBy(() -> restore(data).from(taken.folder(), false))
        .isInstanceOf(BackupRefused.class).hasMessageContaining("damaged").hasMessageContaining("Nothing was changed");
    assertThat(names(data.resolve("db"))).isEqualTo(before);
  }

  @Test
  void a_folder_that_is_no_frame_backup_is_refused() throws IOException {
    Path foreign = Files.createDirectories(temp.resolve("foreign"));
    Files.writeString(foreign.resolve(BackupManifest.FILE), "{\"format\":\"something-else\",\"version\":1,\"files\":[]}");

    assertThatThrownBy(() -> restore(temp.resolve("data")).from(foreign, false))
        .isInstanceOf(BackupRefused.class).hasMessageContaining("not a FRAME catalogue backup");
  }

  private static CatalogueRestore restore(Path dataDir) {
    FrameConfig config = FrameFixture.config(dataDir);
    return new CatalogueRestore(config.dataDir(), config.storageDir(), config.databaseUrl(), Clock.systemUTC());
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) Files.createDirectories(target);
        else Files.copy(source, target);
      }
    }
  }
}
