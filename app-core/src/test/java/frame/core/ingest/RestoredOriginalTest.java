package frame.core.ingest;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.archive.ArchiveCopy;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.archive.ScrubReport;
import frame.core.api.events.FrameEvent;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.testing.FrameFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing the same bytes again puts back the original of a photo that has no good copy of it left. */
class RestoredOriginalTest {
  @TempDir Path dataDir;
  @TempDir Path photos;
  @TempDir Path disk;

  private final byte[] bytes = jpeg(photo(320, 240, 70));

  @Test
  void a_damaged_original_whose_archive_copy_is_damaged_too_is_restored_by_importing_the_intact_file()
      throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = storedOnTheArchive(frame);
      Path local = frame.ports().library().files(image).original();
      flipAByte(local);
      flipAByte(disk.resolve(copyOf(frame, image).key()));
      ScrubReport scrub = frame.ports().archive().scrub(100);
      assertThat(scrub.bad()).anySatisfy(finding -> {
        assertThat(finding.place()).isEqualTo("this computer");
        assertThat(finding.action()).isEqualTo("could not mend: no good copy anywhere");
      });
      // the copy queued again fails on the damaged original, as it did for QA
      await().atMost(Duration.ofSeconds(30)).until(() -> archiveJobState(frame, image) == JobState.FAILED);

      java.util.List<FrameEvent> told = new java.util.concurrent.CopyOnWriteArrayList<>();
      frame.ports().events().subscribe(told::add);
      IngestResult again = frame.ports().imports().importFile(write(photos, "again/Nikon_D70.jpg", bytes));

      assertThat(again).isInstanceOfSatisfying(IngestResult.Restored.class,
          restored -> assertThat(restored.image().id()).isEqualTo(image.id()));
      assertThat(sha256(local)).isEqualTo(image.sha256());
      // the window and the pages are told to read the photo again (STORED, once copied, comes later)
      await().atMost(Duration.ofSeconds(10)).until(() -> told.stream().anyMatch(event -> event
          instanceof FrameEvent.ImageChanged changed && changed.imageId() == image.id()
          && changed.state() == ImageState.PROCESSED));
      awaitState(frame, image, ImageState.STORED);
      assertThat(sha256(disk.resolve(copyOf(frame, image).key()))).as("the archive copy made again").isEqualTo(image.sha256());
      assertThat(frame.ports().archive().scrub(100).clean()).isTrue();
    }
  }

  @Test
  void a_freed_original_whose_only_archive_copy_was_lost_is_restored_by_importing_the_intact_file() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = storedOnTheArchive(frame);
      assertThat(frame.ports().archive().free(1).freed()).isEqualTo(1);
      Path local = frame.ports().library().files(image).original();
      assertThat(local).doesNotExist();
      // the copy the scrub queues again waits here, instead of retrying against nothing
      frame.ports().queue().pause(JobType.ARCHIVE_ORIGINAL);
      flipAByte(disk.resolve(copyOf(frame, image).key()));
      assertThat(frame.ports().archive().scrub(100).bad()).singleElement()
          .satisfies(finding -> assertThat(finding.action()).contains("no longer counted"));
      assertThat(frame.ports().archive().copies(image.id())).isEmpty();

      IngestResult again = frame.ports().imports().importFile(write(photos, "again/Nikon_D70.jpg", bytes));

      assertThat(again).isInstanceOf(IngestResult.Restored.class);
      assertThat(sha256(local)).isEqualTo(image.sha256());
      assertThat(sha256(frame.ports().library().original(image))).isEqualTo(image.sha256());
      frame.ports().queue().resume(JobType.ARCHIVE_ORIGINAL);
      awaitState(frame, image, ImageState.STORED);
      assertThat(sha256(disk.resolve(copyOf(frame, image).key()))).as("the archive copy made again").isEqualTo(image.sha256());
    }
  }

  @Test
  void an_original_cut_short_is_restored_without_a_scrub_when_no_archive_holds_it() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = imported(frame);
      Path local = frame.ports().library().files(image).original();
      Files.write(local, java.util.Arrays.copyOf(bytes, bytes.length / 2));

      IngestResult again = frame.ports().imports().importFile(write(photos, "again/Nikon_D70.jpg", bytes));

      assertThat(again).isInstanceOf(IngestResult.Restored.class);
      assertThat(sha256(local)).isEqualTo(image.sha256());
      assertThat(frame.ports().library().image(image.id()).state()).isEqualTo(ImageState.PROCESSED);
    }
  }

  @Test
  void a_photo_whose_original_is_intact_stays_a_plain_duplicate_and_its_file_is_not_rewritten() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = imported(frame);
      Path local = frame.ports().library().files(image).original();
      Object before = Files.readAttributes(local, BasicFileAttributes.class).fileKey();

      IngestResult again = frame.ports().imports().importFile(write(photos, "again/Nikon_D70.jpg", bytes));

      assertThat(again).isInstanceOf(IngestResult.Duplicate.class);
      assertThat(Files.readAttributes(local, BasicFileAttributes.class).fileKey()).isEqualTo(before);
    }
  }

  @Test
  void a_freed_photo_with_a_verified_archive_copy_stays_a_duplicate_and_the_disk_is_not_filled_again()
      throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = storedOnTheArchive(frame);
      assertThat(frame.ports().archive().free(1).freed()).isEqualTo(1);

      IngestResult again = frame.ports().imports().importFile(write(photos, "again/Nikon_D70.jpg", bytes));

      assertThat(again).isInstanceOf(IngestResult.Duplicate.class);
      assertThat(frame.ports().library().files(image).original()).doesNotExist();
    }
  }

  private Image imported(Frame frame) {
    IngestResult result = frame.ports().imports().importFile(write(photos, "card/Nikon_D70.jpg", bytes));
    Image image = ((IngestResult.Stored) result).image();
    awaitState(frame, image, ImageState.PROCESSED);
    return image;
  }

  private Image storedOnTheArchive(Frame frame) {
    Image image = imported(frame);
    frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
    awaitState(frame, image, ImageState.STORED);
    return image;
  }

  @Test
  void a_photo_that_failed_for_want_of_its_original_is_made_again_once_the_file_is_imported_again() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().queue().pause(null);
      IngestResult first = frame.ports().imports().importFile(write(photos, "Nikon_D70.jpg", bytes));
      Image image = ((IngestResult.Stored) first).image();
      Files.delete(frame.ports().library().files(image).original()); // the disk lost it before its steps ran
      frame.ports().queue().resume(null);
      awaitState(frame, image, ImageState.FAILED);

      IngestResult again = frame.ports().imports().importFile(write(photos, "again/Nikon_D70.jpg", bytes));

      assertThat(again).isInstanceOf(IngestResult.Restored.class);
      awaitState(frame, image, ImageState.PROCESSED);
      assertThat(frame.ports().library().files(image).existingPreview()).as("its preview made at last").isPresent();
      assertThat(frame.ports().library().image(image.id()).failureReason()).isNull();
    }
  }

  private static void awaitState(Frame frame, Image image, ImageState state) {
    await("photo " + state).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(25))
        .until(() -> frame.ports().library().image(image.id()).state() == state);
  }

  private static ArchiveCopy copyOf(Frame frame, Image image) {
    return frame.ports().archive().copies(image.id()).getFirst();
  }

  private static JobState archiveJobState(Frame frame, Image image) {
    return frame.ports().jobs().list(new JobQuery(null, JobType.ARCHIVE_ORIGINAL, image.id(), 10, 0)).getFirst().state();
  }

  /** Damage that keeps the file's size, as a flipped bit on a disk does. */
  private static void flipAByte(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    content[content.length / 2] ^= 0x01;
    Files.write(file, content);
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
