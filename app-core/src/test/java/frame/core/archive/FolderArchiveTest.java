package frame.core.archive;

import static frame.core.archive.ArchiveFixture.awaitAll;
import static frame.core.archive.ArchiveFixture.importPhotos;
import static frame.core.archive.ArchiveFixture.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.Frame;
import frame.core.api.archive.ArchiveCopy;
import frame.core.api.archive.ArchiveStatus;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.FileHash;
import frame.core.api.archive.FreeReport;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.archive.SafeReport;
import frame.core.api.culling.CullFilter;
import frame.core.api.culling.ExportRequest;
import frame.core.api.culling.ExportResult;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.Job;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderArchiveTest {
  @TempDir Path dataDir;
  @TempDir Path photos;
  @TempDir Path disk;

  @Test
  void photos_are_stored_only_after_their_copies_are_read_back_laid_out_for_people_with_sidecars() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      List<Image> imported = importPhotos(frame, photos, 3, 10);
      awaitAll(frame, ImageState.PROCESSED, Duration.ofSeconds(60));
      ArchiveStatus before = frame.ports().archive().status();
      assertThat(before.onePlaceOnly()).isEqualTo(3);
      assertThat(before.advice()).contains("3 photos exist in one place only").contains("frame archive add");

      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));

      for (Image image : imported) {
        List<ArchiveCopy> copies = frame.ports().archive().copies(image.id());
        assertThat(copies).singleElement().satisfies(copy -> {
          assertThat(copy.target()).isEqualTo("usb");
          assertThat(copy.sha256()).isEqualTo(image.sha256());
          assertThat(copy.how()).contains("read back");
        });
        String key = copies.get(0).key();
        // the generated photos carry no date: the import day names the folders, the camera's name the file
        String day = image.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        assertThat(key).startsWith(day.substring(0, 4) + "/" + day + "/IMG_000");
        Path copy = disk.resolve(key);
        assertThat(sha256(copy)).isEqualTo(image.sha256());
        JsonNode sidecar = new ObjectMapper().readTree(disk.resolve(key + FolderTarget.SIDECAR_SUFFIX).toFile());
        assertThat(sidecar.get("sha256").asText()).isEqualTo(image.sha256());
        assertThat(sidecar.get("originalName").asText()).isEqualTo(image.originalName());
        assertThat(sidecar.get("size").asLong()).isEqualTo(image.byteSize());
        assertThat(sidecar.has("takenAt")).isTrue();
        assertThat(sidecar.has("shoot")).isTrue();
        assertThat(sidecar.has("ratings")).isTrue();
      }
      // two cards with the same file name, on the same day: the second gets a suffix
      assertThat(imported.stream().map(i -> frame.ports().archive().copies(i.id()).get(0).key()).distinct()).hasSize(3);

      ArchiveStatus after = frame.ports().archive().status();
      assertThat(after.onePlaceOnly()).isZero();
      assertThat(after.advice()).isNull();
      ArchiveTarget usb = after.targets().get(0);
      assertThat(usb.reachable()).isTrue();
      assertThat(usb.copies()).isEqualTo(3);
      assertThat(usb.backlog()).isZero();
    }
  }

  @Test
  void a_clash_of_names_gets_a_suffix_and_a_rerun_reuses_its_own_name() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      Image first = importPhotos(frame, photos.resolve("a"), 1, 1).get(0);
      Image second = importPhotos(frame, photos.resolve("b"), 1, 2).get(0);
      assertThat(first.originalName()).isEqualTo(second.originalName());
      awaitAll(frame, ImageState.PROCESSED, Duration.ofSeconds(60));
      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      String a = frame.ports().archive().copies(first.id()).get(0).key();
      String b = frame.ports().archive().copies(second.id()).get(0).key();
      assertThat(List.of(a, b)).containsExactlyInAnyOrder(
          a.substring(0, a.lastIndexOf('/')) + "/IMG_0000.JPG", a.substring(0, a.lastIndexOf('/')) + "/IMG_0000-1.JPG");

      FolderTarget target = new FolderTarget(disk);
      String again = target.put(first, frame.ports().library().original(first), Sidecar.of(first));
      assertThat(again).isEqualTo(a);
    }
  }

  @Test
  void an_unplugged_disk_shows_why_and_fails_no_photo_then_the_copies_are_made_when_it_is_back() throws Exception {
    Path unplugged = disk.resolve("not-mounted");
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      importPhotos(frame, photos, 2, 20);
      frame.ports().archive().add(NewArchiveTarget.folder("nas", unplugged.toString()));
      await().atMost(Duration.ofSeconds(60)).until(() -> frame.ports().jobs().list(new JobQuery(null, JobType.ARCHIVE_ORIGINAL, null, 1000, 0)).stream()
          .anyMatch(j -> j.type() == JobType.ARCHIVE_ORIGINAL && j.lastError() != null));
      ArchiveTarget nas = frame.ports().archive().status().targets().get(0);
      assertThat(nas.reachable()).isFalse();
      assertThat(nas.problem()).contains("is not there");
      assertThat(Files.exists(unplugged)).as("FRAME must not create a missing mount point").isFalse();
      awaitAll(frame, ImageState.PROCESSED, Duration.ofSeconds(30));
      for (Job job : frame.ports().jobs().list(new JobQuery(null, JobType.ARCHIVE_ORIGINAL, null, 1000, 0))) {
        if (job.type() != JobType.ARCHIVE_ORIGINAL) continue;
        assertThat(job.state()).isIn(JobState.PENDING, JobState.RUNNING);
        assertThat(job.attempts()).as("no failure budget spent").isLessThanOrEqualTo(1);
      }

      Files.createDirectories(unplugged);
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      assertThat(frame.ports().archive().status().targets().get(0).reachable()).isTrue();
    }
  }

  @Test
  void free_removes_only_originals_held_in_enough_verified_copies_and_they_come_back_verified() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      List<Image> imported = importPhotos(frame, photos, 2, 30);
      awaitAll(frame, ImageState.PROCESSED, Duration.ofSeconds(60));
      assertThat(frame.ports().archive().free(1).freed()).as("no copies yet: nothing may go").isZero();

      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      assertThat(frame.ports().archive().free(2).freed()).as("one copy is fewer than two").isZero();
      FreeReport freed = frame.ports().archive().free(1);
      assertThat(freed.freed()).isEqualTo(2);
      assertThat(freed.bytesFreed()).isEqualTo(imported.stream().mapToLong(Image::byteSize).sum());
      Image image = imported.get(0);
      assertThat(frame.ports().library().files(image).original()).doesNotExist();
      assertThat(frame.ports().library().files(image).thumbnail(256)).isPresent();

      // export fetches each freed original back from the archive, checked, before copying it out
      Path out = photos.resolve("export");
      ExportResult exported = frame.ports().culling().export(new ExportRequest(out, CullFilter.NONE));
      assertThat(exported.problems()).isEmpty();
      List<String> exportedHashes = new java.util.ArrayList<>();
      try (var files = Files.walk(out)) {
        for (Path file : files.filter(f -> Files.isRegularFile(f) && !f.toString().endsWith(".xmp")).toList()) {
          exportedHashes.add(sha256(file));
        }
      }
      assertThat(exportedHashes).containsExactlyInAnyOrderElementsOf(imported.stream().map(Image::sha256).toList());

      Path back = frame.ports().library().original(image);
      assertThat(sha256(back)).isEqualTo(image.sha256());
      assertThat(frame.ports().library().decodeOriginal(image.id()).getWidth()).isEqualTo(320);

      // a safe check counts the archive copy only, now that the local original is gone
      SafeReport safe = frame.ports().archive().safe(List.of(new FileHash("IMG_0000.JPG", image.sha256(), image.byteSize())), 2);
      assertThat(safe.safe()).isFalse();
      assertThat(safe.files().get(0).places()).containsExactly("usb");
    }
  }

  @Test
  void safe_counts_the_local_original_and_each_verified_copy_and_names_what_falls_short() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      Image image = importPhotos(frame, photos, 1, 40).get(0);
      awaitAll(frame, ImageState.PROCESSED, Duration.ofSeconds(60));
      FileHash onCard = new FileHash("IMG_0000.JPG", image.sha256(), image.byteSize());
      FileHash unknown = new FileHash("IMG_9999.JPG", "0".repeat(64), 10);
      SafeReport before = frame.ports().archive().safe(List.of(onCard, unknown), 2);
      assertThat(before.safe()).isFalse();
      assertThat(before.shortOf()).extracting(SafeReport.SafeFile::name).containsExactly("IMG_0000.JPG", "IMG_9999.JPG");

      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      SafeReport after = frame.ports().archive().safe(List.of(onCard), 2);
      assertThat(after.safe()).isTrue();
      assertThat(after.files().get(0).places()).containsExactly("this computer", "usb");
    }
  }

  @Test
  void scrub_mends_a_damaged_folder_copy_from_the_local_original() throws Exception {
    try (Frame frame = ArchiveFixture.open(dataDir)) {
      Image image = importPhotos(frame, photos, 1, 50).get(0);
      frame.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      awaitAll(frame, ImageState.STORED, Duration.ofSeconds(60));
      Path copy = disk.resolve(frame.ports().archive().copies(image.id()).get(0).key());
      byte[] bytes = Files.readAllBytes(copy);
      bytes[bytes.length / 2] ^= 0x01;
      Files.write(copy, bytes);

      var report = frame.ports().archive().scrub(100);
      assertThat(report.clean()).isFalse();
      assertThat(report.bad()).singleElement().satisfies(finding -> {
        assertThat(finding.photo()).isEqualTo("IMG_0000.JPG");
        assertThat(finding.place()).isEqualTo("usb");
        assertThat(finding.action()).startsWith("mended");
      });
      assertThat(sha256(copy)).isEqualTo(image.sha256());
      assertThat(frame.ports().archive().scrub(100).clean()).isTrue();
    }
  }
}
