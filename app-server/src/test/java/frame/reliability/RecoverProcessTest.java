package frame.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.api.FrameLibrary;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.MarkChange;
import frame.core.api.imports.IngestResult;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.crash.ChildJvmFailpoints;
import frame.core.crash.Failpoints;
import frame.core.testing.ExifBuilder;
import frame.core.testing.FrameFixture;
import frame.core.testing.S3Server;
import frame.core.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frame recover} as a person runs it, in a child JVM: a library archived to a folder or to
 * an S3 server (s3proxy) loses its data folder and comes back from the archive alone; a recover
 * killed with kill -9 goes on when run again, adding nothing twice; a damaged archived file is
 * named and the rest comes back.
 */
class RecoverProcessTest {
  private static final Duration RECOVER_TIME = Duration.ofSeconds(240);

  @TempDir Path dir;

  /** The lost library as it was: each photo by SHA-256, and its marks. */
  private record Lost(Map<String, Image> images, Map<String, ImageMarks> marks) {}

  @Test
  void a_deleted_data_folder_comes_back_from_its_folder_target() throws Exception {
    Path disk = Files.createDirectories(dir.resolve("usb"));
    Path lostData = dir.resolve("lost");
    Lost lost = archivedLibrary(lostData, NewArchiveTarget.folder("usb", disk.toString()), 4,
        () -> sidecarsOn(disk));
    deleteTree(lostData);

    Path newData = dir.resolve("new");
    ChildFrame.Finished run = new ChildFrame(newData).runAnother(RECOVER_TIME, "recover", "--folder", disk.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("Recovered 4 photo(s) from the archive target usb")
        .contains("4/4 photos with thumbnails, preview and metadata");
    assertSameLibrary(newData, lost, "usb");
  }

  @Test
  void a_deleted_data_folder_comes_back_from_an_s3_bucket() throws Exception {
    try (S3Server s3 = S3Server.start(dir.resolve("objects"))) {
      s3.createBucket("photos");
      Path lostData = dir.resolve("lost");
      Lost lost = archivedLibrary(lostData,
          NewArchiveTarget.s3("nas", s3.endpoint(), "photos", "frame/", null, S3Server.KEYS), 3,
          () -> sidecarsIn(s3, "photos"));
      deleteTree(lostData);
      Path keys = dir.resolve("keys");
      Files.writeString(keys, "[default]\naws_access_key_id = " + S3Server.KEYS.accessKeyId()
          + "\naws_secret_access_key = " + S3Server.KEYS.secretAccessKey() + "\n");

      Path newData = dir.resolve("new");
      ChildFrame.Finished run = new ChildFrame(newData).runAnother(RECOVER_TIME, "recover", "--s3", s3.endpoint(),
          "--bucket", "photos", "--prefix", "frame/", "--credentials-file", keys.toString());

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("Recovered 3 photo(s) from the archive target photos")
          .doesNotContain(S3Server.KEYS.secretAccessKey());
      assertSameLibrary(newData, lost, "photos");
    }
  }

  @Test
  void a_recover_killed_mid_way_goes_on_when_run_again_and_adds_nothing_twice() throws Exception {
    Path disk = Files.createDirectories(dir.resolve("usb"));
    Path lostData = dir.resolve("lost");
    Lost lost = archivedLibrary(lostData, NewArchiveTarget.folder("usb", disk.toString()), 6, () -> sidecarsOn(disk));
    deleteTree(lostData);
    Path newData = dir.resolve("new");
    Path log = dir.resolve("killed.log");

    Process killed = new ChildFrame(newData, "-D" + Failpoints.HOLD_PROPERTY + "=recover:committed:#3")
        .startAnother(log, "recover", "--folder", disk.toString());
    try {
      await("the third photo committed, the recover held there").atMost(RECOVER_TIME)
          .pollInterval(Duration.ofMillis(50)).until(() -> Files.readString(log),
              text -> text.contains(ChildJvmFailpoints.HOLDING + "recover:committed:"));
    } finally {
      killed.destroyForcibly(); // kill -9
      killed.waitFor();
    }

    ChildFrame.Finished resumed = new ChildFrame(newData).runAnother(RECOVER_TIME, "recover", "--folder",
        disk.toString());
    assertThat(resumed.exitCode()).as(resumed.output()).isZero();
    assertThat(resumed.output()).contains("Recovered 3 photo(s) from the archive target usb (3 already back");
    assertSameLibrary(newData, lost, "usb");

    ChildFrame.Finished again = new ChildFrame(newData).runAnother(RECOVER_TIME, "recover", "--folder",
        disk.toString());
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("Recovered 0 photo(s) from the archive target usb (6 already back");
    assertSameLibrary(newData, lost, "usb");
  }

  @Test
  void a_damaged_archived_file_is_named_and_every_other_photo_comes_back() throws Exception {
    Path disk = Files.createDirectories(dir.resolve("usb"));
    Path lostData = dir.resolve("lost");
    Lost lost = archivedLibrary(lostData, NewArchiveTarget.folder("usb", disk.toString()), 4, () -> sidecarsOn(disk));
    deleteTree(lostData);
    List<Path> originals = originalsOn(disk);
    Path damaged = originals.get(1);
    byte[] bytes = Files.readAllBytes(damaged);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(damaged, bytes);
    // another has lost its sidecar: it is read itself (hash, name, EXIF)
    Path bare = originals.get(2);
    Files.delete(bare.resolveSibling(bare.getFileName() + ".frame.json"));

    Path newData = dir.resolve("new");
    ChildFrame.Finished run = new ChildFrame(newData).runAnother(RECOVER_TIME, "recover", "--folder", disk.toString());

    String damagedKey = disk.relativize(damaged).toString().replace('\\', '/');
    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("Recovered 3 photo(s)").contains("1 archived file(s) could not be recovered")
        .contains(damagedKey + ": its bytes").contains("damaged");
    try (FrameLibrary frame = FrameLibrary.openWithoutRunner(FrameFixture.config(newData))) {
      List<Image> back = frame.ports().library().list(ImageQuery.all());
      assertThat(back).hasSize(3).allSatisfy(image -> {
        Image was = lost.images().get(image.sha256());
        assertThat(was).isNotNull();
        assertThat(image.originalName()).isEqualTo(was.originalName());
        assertThat(image.takenAt()).isEqualTo(was.takenAt());
        assertThat(image.state()).isEqualTo(ImageState.STORED);
      });
    }
  }

  /** A library with a target, {@code count} photos STORED on it, two of them marked, the sidecars up to date. */
  private Lost archivedLibrary(Path dataDir, NewArchiveTarget target, int count, SidecarText sidecars)
      throws Exception {
    try (FrameLibrary frame = FrameLibrary.open(FrameFixture.config(dataDir))) {
      frame.ports().archive().add(target);
      List<Image> imported = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] jpeg = new ExifBuilder().camera("FRAME", "Body").dateTaken("2023:07:1" + i + " 09:30:00")
            .into(TestImages.jpeg(TestImages.photo(320, 240, 700 + i)));
        Path file = TestImages.write(dir.resolve("card"), "DSC_00" + i + ".JPG", jpeg);
        IngestResult result = frame.ports().imports().importFile(file);
        if (!(result instanceof IngestResult.Stored stored)) throw new AssertionError("not imported: " + result);
        imported.add(stored.image());
      }
      await("every photo STORED").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(25))
          .until(() -> frame.ports().library().list(ImageQuery.all()),
              all -> all.size() == count && all.stream().allMatch(i -> i.state() == ImageState.STORED));
      frame.ports().culling().mark(imported.get(0).id(), new MarkChange(5, true, Flag.PICK, true, ColorLabel.GREEN));
      frame.ports().culling().mark(imported.get(count - 1).id(), MarkChange.rating(2));
      await("the sidecars carry the marks").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(sidecars::read, text -> text.contains("\"rating\" : 5") && text.contains("\"rating\" : 2"));
      Map<String, Image> images = frame.ports().library().list(ImageQuery.all()).stream()
          .collect(Collectors.toMap(Image::sha256, Function.identity()));
      Map<Long, ImageMarks> byId = frame.ports().culling().marks(images.values().stream().map(Image::id).toList());
      Map<String, ImageMarks> marks = images.values().stream()
          .collect(Collectors.toMap(Image::sha256, image -> byId.get(image.id())));
      return new Lost(images, marks);
    }
  }

  @FunctionalInterface
  private interface SidecarText {
    String read() throws Exception;
  }

  private static void assertSameLibrary(Path dataDir, Lost lost, String target) throws Exception {
    try (FrameLibrary frame = FrameLibrary.openWithoutRunner(FrameFixture.config(dataDir))) {
      List<Image> back = frame.ports().library().list(ImageQuery.all());
      assertThat(back).extracting(Image::sha256).as("every photo once")
          .containsExactlyInAnyOrderElementsOf(lost.images().keySet());
      Map<Long, ImageMarks> marks = frame.ports().culling().marks(back.stream().map(Image::id).toList());
      for (Image image : back) {
        Image was = lost.images().get(image.sha256());
        assertThat(image.state()).isEqualTo(ImageState.STORED);
        assertThat(image.originalName()).isEqualTo(was.originalName());
        assertThat(image.takenAt()).isEqualTo(was.takenAt()).startsWith("2023-07-1");
        assertThat(image.cameraModel()).isEqualTo("Body");
        ImageMarks now = marks.get(image.id());
        ImageMarks then = lost.marks().get(image.sha256());
        assertThat(List.of(now.rating(), String.valueOf(now.flag()), String.valueOf(now.label())))
            .as("marks of %s", image.originalName())
            .isEqualTo(List.of(then.rating(), String.valueOf(then.flag()), String.valueOf(then.label())));
        assertThat(frame.ports().archive().copies(image.id())).singleElement()
            .satisfies(copy -> assertThat(copy.target()).isEqualTo(target));
        assertThat(frame.ports().library().files(image).thumbnail(256)).as("thumbnail made again").isPresent();
        assertThat(frame.ports().library().files(image).existingPreview()).as("preview made again").isPresent();
      }
      assertThat(marks.values()).extracting(ImageMarks::rating).contains(5, 2);
    }
  }

  private static String sidecarsOn(Path disk) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(disk)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".frame.json")).toList()) {
        all.append(Files.readString(file));
      }
    }
    return all.toString();
  }

  private static String sidecarsIn(S3Server s3, String bucket) {
    try (var client = s3.client()) {
      StringBuilder all = new StringBuilder();
      for (var object : client.listObjectsV2(b -> b.bucket(bucket)).contents()) {
        if (object.key().endsWith(".json")) {
          all.append(client.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asUtf8String());
        }
      }
      return all.toString();
    }
  }

  private static List<Path> originalsOn(Path disk) throws IOException {
    try (Stream<Path> files = Files.walk(disk)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".frame.json")).sorted().toList();
    }
  }

  static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      digest.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void deleteTree(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
