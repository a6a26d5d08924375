package frame.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import frame.cli.CommandRun;
import frame.core.Frame;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.testing.FrameFixture;
import frame.core.testing.S3Server;
import frame.core.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive through the commands and the API: against a running FRAME, and in-process. */
class ArchiveApiTest {
  @TempDir Path dataDir;
  @TempDir Path card;
  @TempDir Path objects;
  @TempDir Path disk;

  private static void awaitAll(Frame frame, ImageState state) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
      var all = frame.ports().library().list(ImageQuery.all());
      return !all.isEmpty() && all.stream().allMatch(i -> i.state() == state);
    });
  }

  @Test
  void the_commands_reach_a_running_frame_and_the_api_never_returns_the_secret() throws Exception {
    Files.writeString(dataDir.resolve("archive.properties"), "first-wait-ms=200\nlongest-wait-ms=1000\n");
    Path keys = card.resolveSibling(card.getFileName() + "-keys");
    Files.writeString(keys, "[default]\naws_access_key_id = " + S3Server.KEYS.accessKeyId()
        + "\naws_secret_access_key = " + S3Server.KEYS.secretAccessKey() + "\n");
    try (S3Server s3 = S3Server.start(objects); ServerFixture fixture = new ServerFixture(dataDir)) {
      s3.createBucket("photos");
      CommandRun add = CommandRun.of(dataDir, "archive", "add", "nas", "--s3", s3.endpoint(), "--bucket", "photos",
          "--credentials-file", keys.toString());
      assertThat(add.exitCode()).as(add.err()).isZero();
      assertThat(add.out()).contains("Added the archive target nas");

      byte[] photo = TestImages.jpeg(TestImages.photo(320, 240, 77));
      Path onCard = TestImages.write(card, "DCIM/100CANON/IMG_0001.JPG", photo);
      assertThat(fixture.client.upload("IMG_0001.JPG", photo).statusCode()).isEqualTo(201);
      awaitAll(fixture.frame, ImageState.STORED);

      CommandRun status = CommandRun.of(dataDir, "archive", "--json");
      assertThat(status.exitCode()).isZero();
      assertThat(status.out()).contains("\"name\" : \"nas\"").contains("\"reachable\" : true")
          .contains("\"onePlaceOnly\" : 0").doesNotContain(S3Server.KEYS.secretAccessKey());
      String api = new String(fixture.client.get("/api/admin/archive/targets").body());
      assertThat(api).contains("\"nas\"").doesNotContain(S3Server.KEYS.secretAccessKey());
      long id = fixture.frame.ports().library().list(ImageQuery.all()).get(0).id();
      JsonNode details = ApiClient.json(fixture.client.get("/api/images/" + id));
      assertThat(details.path("copies").get(0).path("target").asText()).isEqualTo("nas");

      CommandRun safe = CommandRun.of(dataDir, "safe", card.toString());
      assertThat(safe.exitCode()).as(safe.out()).isZero();
      // a temp folder is on this computer's own disk: the plainer line, no "format"
      assertThat(safe.out()).contains(card + " is not on a removable volume (")
          .contains("All 1 file(s) are in 2 verified places.").doesNotContain("format");
      TestImages.write(card, "DCIM/100CANON/IMG_0002.JPG", TestImages.jpeg(TestImages.photo(320, 240, 78)));
      CommandRun notSafe = CommandRun.of(dataDir, "safe", card.toString());
      assertThat(notSafe.exitCode()).isEqualTo(1);
      assertThat(notSafe.out()).contains("NOT SAFE  DCIM/100CANON/IMG_0002.JPG: 0 of 2").doesNotContain("IMG_0001.JPG:");
      assertThat(CommandRun.of(dataDir, "safe", card.toString(), "--copies", "3").out()).contains("IMG_0001.JPG: 2 of 3");

      assertThat(CommandRun.of(dataDir, "scrub").exitCode()).isZero();
      String key = fixture.frame.ports().archive().copies(id).get(0).key();
      Path object = s3.objectFile("photos", key);
      byte[] stored = Files.readAllBytes(object);
      stored[100] ^= 0x08;
      Files.write(object, stored);
      CommandRun scrub = CommandRun.of(dataDir, "scrub");
      assertThat(scrub.exitCode()).isEqualTo(1);
      assertThat(scrub.out()).contains("BAD  IMG_0001.JPG (photo " + id + ") on nas").contains("mended");
      assertThat(Files.readAllBytes(object)).isEqualTo(Files.readAllBytes(onCard));

      assertThat(CommandRun.of(dataDir, "archive", "remove", "nas").exitCode()).isZero();
      CommandRun again = CommandRun.of(dataDir, "archive", "remove", "nas");
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.err()).contains("no archive target called nas");
      assertThat(fixture.frame.ports().library().image(id).state()).isEqualTo(ImageState.PROCESSED);
    }
  }

  @Test
  void in_process_a_folder_target_is_added_listed_and_refused_when_badly_named() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().importFile(TestImages.write(card, "IMG_0001.JPG",
          TestImages.jpeg(TestImages.photo(200, 150, 5))));
      awaitAll(frame, ImageState.PROCESSED);
    }
    CommandRun none = CommandRun.of(dataDir, "archive");
    assertThat(none.out()).contains("No archive targets.").contains("1 photo exists in one place only")
        .contains("frame archive add NAME --folder DIR");
    CommandRun bad = CommandRun.of(dataDir, "archive", "add", "../x", "--folder", disk.toString());
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("A target's name is");
    CommandRun add = CommandRun.of(dataDir, "archive", "add", "usb", "--folder", disk.toString());
    assertThat(add.exitCode()).as(add.err()).isZero();
    try (Frame frame = FrameFixture.open(dataDir)) {
      awaitAll(frame, ImageState.STORED);
    }
    CommandRun listed = CommandRun.of(dataDir, "archive");
    assertThat(listed.out()).contains("usb").contains("reachable · 1 copies").contains("0 in one place only");
    CommandRun free = CommandRun.of(dataDir, "archive", "free");
    assertThat(free.out()).contains("Freed 1 original(s)");
    assertThat(List.of(CommandRun.of(dataDir, "safe", card.toString()).exitCode())).containsExactly(1);
  }

  @Test
  void a_second_target_on_the_same_folder_is_refused_and_a_photo_with_no_good_copy_stays_named() throws Exception {
    byte[] photo = TestImages.jpeg(TestImages.photo(200, 150, 6));
    TestImages.write(card, "DCIM/IMG_0001.JPG", photo);
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().imports().importFile(card.resolve("DCIM/IMG_0001.JPG"));
      awaitAll(frame, ImageState.PROCESSED);
    }
    assertThat(CommandRun.of(dataDir, "archive", "add", "usb", "--folder", disk.toString()).exitCode()).isZero();
    CommandRun again = CommandRun.of(dataDir, "archive", "add", "usb2", "--folder", disk.resolve(".").toString());
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.err()).contains("is the same place as the archive target usb");
    Path copy;
    try (Frame frame = FrameFixture.open(dataDir)) {
      awaitAll(frame, ImageState.STORED);
      copy = disk.resolve(frame.ports().archive().copies(1).get(0).key());
    }
    assertThat(CommandRun.of(dataDir, "archive", "free").out()).contains("Freed 1 original(s)");
    assertThat(CommandRun.of(dataDir, "archive").out()).contains("1 in one place only")
        .contains("1 photo exists in one place only (the archive)").doesNotContain("waiting for");

    byte[] damaged = Files.readAllBytes(copy);
    damaged[damaged.length / 2] ^= 0x01;
    Files.write(copy, damaged);
    assertThat(CommandRun.of(dataDir, "scrub").exitCode()).isEqualTo(1);
    CommandRun later = CommandRun.of(dataDir, "scrub");
    assertThat(later.exitCode()).as(later.out()).isEqualTo(1);
    assertThat(later.out()).contains("BAD  IMG_0001.JPG (photo 1)").contains("no good copy anywhere");
    CommandRun safe = CommandRun.of(dataDir, "safe", card.toString());
    assertThat(safe.exitCode()).isEqualTo(1);
    assertThat(safe.out()).contains("IMG_0001.JPG: 0 of 2 verified place(s) (in the library, but no good copy anywhere")
        .doesNotContain("not in the library");
    assertThat(CommandRun.of(dataDir, "archive").out()).contains("1 with no good copy")
        .contains("1 photo has no good copy anywhere");
  }
}
