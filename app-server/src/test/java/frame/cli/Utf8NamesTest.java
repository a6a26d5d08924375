package frame.cli;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.api.library.Image;
import frame.core.testing.FrameFixture;
import frame.core.testing.Multipart;
import frame.server.ApiServer;
import frame.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 27, finding 7: file names outside ASCII keep their letters through upload and import. */
class Utf8NamesTest {
  private static final String NAME = "Zo\u00eb_\u6771\u4eac.jpg";
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void a_utf8_file_name_round_trips_through_upload_filename_star_and_frame_import_into_a_running_frame() throws Exception {
    try (Frame running = FrameFixture.open(dataDir);
        ApiServer server = ApiServer.start(running, ServerSettings.defaults(0, false, dataDir));
        HttpClient http = HttpClient.newHttpClient()) {
      String token = FrameTestAccess.tokens(running).create("owner");

      Multipart plain = new Multipart().file(NAME, jpeg(photo(64, 48, 1)));
      assertThat(nameOf(upload(http, server, token, plain.contentType(), plain.bytes()))).isEqualTo(NAME);

      String boundary = "b0undary";
      byte[] starred = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fallback.jpg\";"
          + " filename*=UTF-8''Zo%C3%AB_%E6%9D%B1%E4%BA%AC+2.jpg\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
          jpeg(photo(64, 48, 2)), ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(nameOf(upload(http, server, token, "multipart/form-data; boundary=" + boundary, starred)))
          .isEqualTo("Zo\u00eb_\u6771\u4eac+2.jpg");

      Files.write(photos.resolve(NAME), jpeg(photo(64, 48, 3)));
      CommandRun imported = CommandRun.of(dataDir, "import", photos.toString());
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      assertThat(running.ports().library().list(frame.core.api.library.ImageQuery.all()).stream().map(Image::originalName)).filteredOn(NAME::equals).hasSize(2);
    }
  }

  private static HttpResponse<String> upload(HttpClient http, ApiServer server, String token, String type, byte[] body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/upload"))
        .header("Authorization", "Bearer " + token).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String nameOf(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode image = new ObjectMapper().readTree(response.body()).get("image");
    return image.get("originalName").asText();
  }

  private static byte[] concat(byte[]... pieces) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] piece : pieces) out.writeBytes(piece);
    return out.toByteArray();
  }
}
