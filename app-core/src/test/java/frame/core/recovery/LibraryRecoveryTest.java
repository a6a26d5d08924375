package frame.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.catalogue.Recovered;
import frame.core.api.catalogue.RecoveryProgress;
import frame.core.api.config.FrameConfig;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.ImportBatch;
import frame.core.api.culling.MarkChange;
import frame.core.api.culling.ShootSource;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.testing.ExifBuilder;
import frame.core.testing.FrameFixture;
import frame.core.testing.TestImages;
import frame.core.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library rebuilt from its folder target alone, in-process, on HSQLDB and on PostgreSQL: every
 * photo comes back with its hash, name, date, camera, shoot and marks, STORED, renditions made,
 * its original fetched back on demand; a photo in the trash stays deleted; a second run adds nothing.
 */
class LibraryRecoveryTest {
  @TempDir Path dir;

  @Test
  void a_library_comes_back_from_its_folder_target_with_marks_and_shoots_and_a_second_run_adds_nothing()
      throws Exception {
    recoverAndCheck(FrameFixture.config(dir.resolve("lost")), FrameFixture.config(dir.resolve("new")));
  }

  @Test
  void the_same_on_postgresql() throws Exception {
    TestPostgres.assumeConfigured();
    try (TestPostgres lost = TestPostgres.create(); TestPostgres fresh = TestPostgres.create()) {
      recoverAndCheck(FrameFixture.config(dir.resolve("lost")).withDatabase(lost.url(), TestPostgres.login()),
          FrameFixture.config(dir.resolve("new")).withDatabase(fresh.url(), TestPostgres.login()));
    }
  }

  private void recoverAndCheck(FrameConfig lostConfig, FrameConfig newConfig) throws Exception {
    Path disk = Files.createDirectories(dir.resolve("usb"));
    Map<String, Image> before;
    Map<String, ImageMarks> marksBefore;
    String trashed;
    try (Frame lost = Frame.open(lostConfig)) {
      lost.ports().archive().add(NewArchiveTarget.folder("usb", disk.toString()));
      List<Image> imported = importFour(lost);
      awaitAll(lost, 4, ImageState.STORED);
      lost.ports().culling().mark(imported.get(0).id(), new MarkChange(4, true, Flag.PICK, true, ColorLabel.RED));
      lost.ports().culling().mark(imported.get(1).id(), MarkChange.flag(Flag.REJECT));
      lost.ports().trash().remove(List.of(imported.get(3).id()));
      trashed = imported.get(3).sha256();
      // the sidecars on the disk follow the marks and the trash
      await("sidecars carry the marks").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> sidecars(disk), all -> all.contains("\"rating\" : 4") && all.contains("\"flag\" : \"reject\"")
              && all.contains("\"label\" : \"red\"") && all.contains("\"removedAt\" : \"20"));
      before = lost.ports().library().list(ImageQuery.all()).stream()
          .collect(Collectors.toMap(Image::sha256, Function.identity()));
      marksBefore = lost.ports().culling().marks(before.values().stream().map(Image::id).toList()).values().stream()
          .collect(Collectors.toMap(m -> shaOf(before, m.imageId()), Function.identity()));
    }

    try (Frame fresh = Frame.open(newConfig)) {
      List<RecoveryProgress> seen = new ArrayList<>();
      Recovered recovered = fresh.ports().catalogue().recover(NewArchiveTarget.folder("usb", disk.toString()), false,
          seen::add);

      assertThat(recovered.unreadable()).isEmpty();
      assertThat(recovered.recovered()).isEqualTo(3);
      assertThat(recovered.removed()).isEqualTo(1);
      assertThat(seen.getLast()).isEqualTo(new RecoveryProgress(4, 4, null, 3, 3));
      List<Image> back = fresh.ports().library().list(ImageQuery.all());
      assertThat(back).hasSize(3).allSatisfy(image -> {
        Image old = before.get(image.sha256());
        assertThat(old).as("a photo of the lost library").isNotNull();
        assertThat(image.state()).isEqualTo(ImageState.STORED);
        assertThat(image.originalName()).isEqualTo(old.originalName());
        assertThat(image.takenAt()).isEqualTo(old.takenAt()).isNotNull();
        assertThat(image.cameraModel()).isEqualTo(old.cameraModel()).isEqualTo("Body");
        assertThat(fresh.ports().archive().copies(image.id())).singleElement()
            .satisfies(copy -> assertThat(copy.target()).isEqualTo("usb"));
        assertThat(fresh.ports().library().files(image).thumbnail(256)).isPresent();
        assertThat(fresh.ports().library().files(image).existingPreview()).isPresent();
        assertThat(fresh.ports().library().files(image).original()).as("left on the archive").doesNotExist();
      });
      assertThat(back).extracting(Image::sha256).doesNotContain(trashed);
      assertThat(fresh.ports().culling().tombstones()).extracting(t -> t.sha256()).containsExactly(trashed);
      Map<Long, ImageMarks> marks = fresh.ports().culling().marks(back.stream().map(Image::id).toList());
      for (Image image : back) {
        ImageMarks was = marksBefore.get(image.sha256());
        ImageMarks now = marks.get(image.id());
        assertThat(List.of(now.rating(), String.valueOf(now.flag()), String.valueOf(now.label())))
            .isEqualTo(List.of(was.rating(), String.valueOf(was.flag()), String.valueOf(was.label())));
      }
      assertThat(fresh.ports().culling().shoots()).singleElement().satisfies(shoot -> {
        assertThat(shoot.name()).isEqualTo("Wedding");
        assertThat(shoot.photos()).isEqualTo(3);
      });
      Image first = back.getFirst();
      assertThat(sha256(fresh.ports().library().original(first))).as("fetched back, verified")
          .isEqualTo(first.sha256());

      Recovered again = fresh.ports().catalogue().recover(NewArchiveTarget.folder("usb", disk.toString()), false,
          p -> {});
      assertThat(again.recovered()).isZero();
      assertThat(again.alreadyThere()).isEqualTo(3);
      assertThat(fresh.ports().library().list(ImageQuery.all())).hasSize(3);
      assertThat(fresh.ports().archive().status().targets()).singleElement()
          .satisfies(target -> assertThat(target.name()).isEqualTo("usb"));
    }
  }

  private List<Image> importFour(Frame frame) {
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] jpeg = new ExifBuilder().camera("FRAME", "Body").dateTaken("2024:05:0" + (i + 1) + " 10:22:33")
          .into(TestImages.jpeg(TestImages.photo(320, 240, 40 + i)));
      Path file = TestImages.write(dir.resolve("card"), "IMG_000" + i + ".JPG", jpeg);
      IngestResult result = frame.ports().imports().importFile(file, JobPriority.FRESH,
          ImportBatch.shoot("Wedding", ShootSource.FOLDER));
      if (!(result instanceof IngestResult.Stored stored)) throw new AssertionError("not imported: " + result);
      images.add(stored.image());
    }
    return images;
  }

  private static void awaitAll(Frame frame, int count, ImageState state) {
    await("every photo " + state).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(25))
        .until(() -> frame.ports().library().list(ImageQuery.all()),
            all -> all.size() == count && all.stream().allMatch(i -> i.state() == state));
  }

  private static String shaOf(Map<String, Image> images, long id) {
    return images.values().stream().filter(i -> i.id() == id).findFirst().orElseThrow().sha256();
  }

  private static String sidecars(Path disk) throws IOException {
    try (Stream<Path> files = Files.walk(disk)) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(f -> f.toString().endsWith(".frame.json")).toList()) {
        all.append(Files.readString(file));
      }
      return all.toString();
    }
  }

  static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      digest.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
