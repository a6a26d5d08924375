package frame.core.archive;

import static frame.core.archive.ArchiveFixture.awaitAll;
import static frame.core.archive.ArchiveFixture.importPhotos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.FrameException;
import frame.core.api.archive.ArchiveStatus;
import frame.core.api.archive.FileHash;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.archive.SafeReport;
import frame.core.api.archive.ScrubReport;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.db.Database;
import frame.core.testing.S3Server;
import frame.core.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A photo's places are counted as they physically are: one disk is one place, a lost or damaged original none. */
class ArchivePlacesTest {
  @TempDir Path dataDir;
  @TempDir Path photos;
  @TempDir Path disk;
  @TempDir Path otherDisk;
  @TempDir Path objects;

  @Test
  void a_second_target_on_the_same_folder_inside_it_or_around_it_is_refused_naming_the_first() throws Exception {
    Path link = photos.resolve("link-to-disk");
    Files.createSymbolicLink(link, disk);
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      frame.ports().archive().add(NewArchiveTarget.folder("arch1", disk.resolve("archive").toString()));

      for (Path samePlace : List.of(disk.resolve("archive"), link.resolve("archive"), disk.resolve("archive/sub/new"),
          disk)) {
        assertThatThrownBy(() -> frame.ports().archive().add(NewArchiveTarget.folder("usb2", samePlace.toString())))
            .as(samePlace.toString()).isInstanceOfSatisfying(FrameException.class, refused -> {
              assertThat(refused.code()).isEqualTo("archive_target_same_place");
              assertThat(refused.getMessage()).contains("the archive target arch1");
            });
      }
      frame.ports().archive().add(NewArchiveTarget.folder("usb2", otherDisk.toString()));
      assertThat(frame.ports().archive().status().targets()).extracting(t -> t.name()).containsExactly("arch1", "usb2");
    }
  }

  @Test
  void a_second_s3_target_on_overlapping_keys_of_the_same_bucket_is_refused() throws Exception {
    try (S3Server s3 = S3Server.start(objects); Frame frame = ArchiveFixture.open(dataDir)) {
      s3.createBucket("photos");
      frame.ports().archive().add(NewArchiveTarget.s3("nas", s3.endpoint(), "photos", "frame/", null, S3Server.KEYS));

      String sameServer = s3.endpoint().toUpperCase(java.util.Locale.ROOT).replace("HTTP://", "http://") + "/";
      for (String prefix : new String[] {"frame/", "frame/2024/", null}) {
        assertThatThrownBy(() -> frame.ports().archive().add(
            NewArchiveTarget.s3("b2", sameServer, "photos", prefix, null, S3Server.KEYS)))
            .as("prefix %s", prefix).isInstanceOfSatisfying(FrameException.class, refused -> {
              assertThat(refused.code()).isEqualTo("archive_target_same_place");
              assertThat(refused.getMessage()).contains("the archive target nas");
            });
      }
      frame.ports().archive().add(NewArchiveTarget.s3("b2", s3.endpoint(), "photos", "other/", null, S3Server.KEYS));
      assertThat(frame.ports().archive().status().samePlace()).isEmpty();
    }
  }

  @Test
  void two_targets_on_one_folder_made_before_the_refusal_count_as_one_place_and_free_never_takes_them_for_two()
      throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      importPhotos(frame, photos, 2, 60);
      frame.ports().archive().add(NewArchiveTarget.folder("arch1", disk.toString()));
      frame.ports().archive().add(NewArchiveTarget.folder("usb2", otherDisk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
    }
    // what an older FRAME let a person make: both targets on the same folder
    try (Database database = Database.open(ArchiveFixture.config(dataDir).databaseUrl(), 1)) {
      database.jdbc().update("UPDATE archive_target SET location = ? WHERE name = 'usb2'", disk.toString());
    }
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      Image image = frame.ports().library().list(ImageQuery.all()).get(0);
      assertThat(frame.ports().archive().free(2).freed()).as("one disk is one copy, not the two asked for").isZero();
      assertThat(frame.ports().archive().free(1).freed()).isEqualTo(2);

      SafeReport safe = frame.ports().archive().safe(List.of(onCard(image)), 2);
      assertThat(safe.safe()).isFalse();
      assertThat(safe.files().get(0).copies()).isEqualTo(1);
      assertThat(safe.files().get(0).places()).containsExactly("arch1 = usb2");
      ArchiveStatus status = frame.ports().archive().status();
      assertThat(status.samePlace()).containsExactly(List.of("arch1", "usb2"));
      assertThat(status.onePlaceOnly()).isEqualTo(2);
      assertThat(status.archiveOnly()).isEqualTo(2);
    }
  }

  @Test
  void freed_originals_are_counted_as_only_on_the_archive_not_as_stored_in_two_places() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      importPhotos(frame, photos, 2, 70);
      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      assertThat(frame.ports().archive().status().onePlaceOnly()).isZero();

      frame.ports().archive().free(1);
      ArchiveStatus status = frame.ports().archive().status();
      assertThat(status.onePlaceOnly()).isEqualTo(2);
      assertThat(frame.ports().archive().onePlaceOnly()).isEqualTo(2);
      assertThat(status.archiveOnly()).isEqualTo(2);
      assertThat(status.waitingForCopy()).isZero();
      assertThat(status.advice()).contains("2 photos exist in one place only (the archive)").doesNotContain("waiting");
    }
  }

  @Test
  void a_photo_whose_processing_failed_is_not_said_to_wait_for_a_copy() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      byte[] whole = TestImages.jpeg(TestImages.photo(640, 480, 80));
      frame.ports().imports().importFile(TestImages.write(photos, "BROKEN.JPG", Arrays.copyOf(whole, whole.length / 4)));
      await().atMost(Duration.ofSeconds(60)).until(() -> frame.ports().library().list(ImageQuery.all()).get(0).state()
          == ImageState.FAILED);

      ArchiveStatus status = frame.ports().archive().status();
      assertThat(status.onePlaceOnly()).isEqualTo(1);
      assertThat(status.notArchived()).isEqualTo(1);
      assertThat(status.waitingForCopy()).isZero();
      assertThat(status.advice()).contains("1 photo failed processing and is not archived").doesNotContain("waiting");
    }
  }

  @Test
  void a_photo_left_with_no_good_copy_is_in_the_library_in_no_place_and_named_by_every_scrub() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      Image image = importPhotos(frame, photos, 1, 90).get(0);
      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      Path copy = disk.resolve(frame.ports().archive().copies(image.id()).get(0).key());
      frame.ports().archive().free(1);
      flipAByte(copy);
      assertThat(frame.ports().archive().scrub(100).bad()).singleElement()
          .satisfies(finding -> assertThat(finding.action()).contains("no good copy anywhere"));

      SafeReport safe = frame.ports().archive().safe(List.of(onCard(image)), 2);
      assertThat(safe.files().get(0).inLibrary()).isTrue();
      assertThat(safe.files().get(0).copies()).isZero();
      ArchiveStatus status = frame.ports().archive().status();
      assertThat(status.noGoodCopy()).isEqualTo(1);
      assertThat(status.onePlaceOnly()).isZero();
      assertThat(status.advice()).contains("1 photo has no good copy anywhere").doesNotContain("waiting");
      for (int sample : new int[] {100, 1}) {
        ScrubReport again = frame.ports().archive().scrub(sample);
        assertThat(again.clean()).as("a scrub of %d%% after the copy was dropped", sample).isFalse();
        assertThat(again.bad()).singleElement().satisfies(finding -> {
          assertThat(finding.imageId()).isEqualTo(image.id());
          assertThat(finding.problem()).startsWith("no good copy anywhere");
        });
      }
    }
  }

  @Test
  void a_local_original_a_scrub_found_damaged_is_no_verified_place_and_stays_named() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      Image image = importPhotos(frame, photos, 1, 95).get(0);
      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      flipAByte(frame.ports().library().files(image).original());
      flipAByte(disk.resolve(frame.ports().archive().copies(image.id()).get(0).key()));
      assertThat(frame.ports().archive().scrub(100).clean()).isFalse();

      SafeReport safe = frame.ports().archive().safe(List.of(onCard(image)), 1);
      assertThat(safe.files().get(0).places()).as("the damaged file is still there, but is no place").isEmpty();
      assertThat(safe.files().get(0).inLibrary()).isTrue();
      assertThat(frame.ports().archive().status().noGoodCopy()).isEqualTo(1);
      assertThat(frame.ports().archive().scrub(1).bad()).extracting(ScrubReport.Finding::imageId)
          .containsExactly(image.id());
    }
  }

  private static FileHash onCard(Image image) {
    return new FileHash(image.originalName(), image.sha256(), image.byteSize());
  }

  private static void flipAByte(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
  }
}
