package frame.server;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.cli.CommandRun;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditions app-core reports as a FrameException reach the client with their own status, code and
 * the core's message, never 500 internal_error; and so reach the command line through a running FRAME.
 */
class ApiCoreErrorsTest extends ServerPerTest {
  @TempDir Path disk;

  @Test
  void a_stack_that_does_not_exist_is_404_and_a_photo_in_no_stack_cannot_be_its_top() {
    long id = json(api.upload("a.jpg", jpeg(photo(300, 200, 1)))).get("image").get("id").asLong();

    assertError(api.get("/api/stacks/99"), 404, "stack_not_found", "No stack with id 99");
    assertError(api.method("POST", "/api/images/" + id + "/stack-top"), 409, "not_stacked", "is in no stack");
  }

  @Test
  void an_archive_target_name_in_use_is_409_and_a_bad_one_400() {
    String usb = "{\"kind\": \"FOLDER\", \"name\": \"usb\", \"folder\": " + quoted(disk) + "}";
    assertThat(api.sendJson("POST", "/api/admin/archive/targets", usb).statusCode()).isEqualTo(201);

    assertError(api.sendJson("POST", "/api/admin/archive/targets", usb), 409, "archive_target_exists",
        "There is already an archive target called usb");
    assertError(api.sendJson("POST", "/api/admin/archive/targets",
        "{\"kind\": \"FOLDER\", \"name\": \"../x\", \"folder\": " + quoted(disk) + "}"), 400, "bad_archive_target",
        "A target's name is");
    assertError(api.sendJson("POST", "/api/admin/archive/free", "{\"minCopies\": 0}"), 400, "bad_request",
        "--min-copies is at least 1");
  }

  @Test
  void the_command_line_through_a_running_frame_prints_the_core_s_message() {
    assertThat(CommandRun.of(dataDir, "archive", "add", "usb", "--folder", disk.toString()).exitCode()).isZero();

    CommandRun again = CommandRun.of(dataDir, "archive", "add", "usb", "--folder", disk.toString());

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("There is already an archive target called usb")
        .doesNotContain("Something went wrong");
  }

  @Test
  void an_original_gone_from_storage_and_from_no_archive_is_410_original_missing() throws IOException {
    Image image = uploaded(ImageState.PROCESSED);
    deleteFilesUnder(dataDir.resolve("storage").resolve("originals"));

    assertError(api.get("/api/images/" + image.id() + "/original"), 410, "original_missing",
        "The stored original of photo " + image.id() + " is missing from this computer");
  }

  @Test
  void an_archive_only_original_whose_copies_are_gone_is_503_original_unavailable() throws IOException {
    api.sendJson("POST", "/api/admin/archive/targets",
        "{\"kind\": \"FOLDER\", \"name\": \"usb\", \"folder\": " + quoted(disk) + "}");
    Image image = uploaded(ImageState.STORED);
    assertThat(json(api.sendJson("POST", "/api/admin/archive/free", "{}")).get("freed").asInt()).isEqualTo(1);
    deleteFilesUnder(disk);

    assertError(api.get("/api/images/" + image.id() + "/original"), 503, "original_unavailable",
        "is only in the archive, and no target gave back its exact bytes");
  }

  private Image uploaded(ImageState state) {
    assertThat(api.upload("a.jpg", jpeg(photo(300, 200, 2))).statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
        fixture.frame.ports().library().list(ImageQuery.all()).getFirst().state() == state);
    return fixture.frame.ports().library().list(ImageQuery.all()).getFirst();
  }

  private static void assertError(HttpResponse<byte[]> response, int status, String code, String message) {
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(status);
    assertThat(json(response).get("error").get("code").asText()).isEqualTo(code);
    assertThat(json(response).get("error").get("message").asText()).contains(message);
  }

  private static String quoted(Path path) {
    return ApiClient.JSON.valueToTree(path.toString()).toString();
  }

  private static void deleteFilesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) Files.delete(file);
    }
  }
}
