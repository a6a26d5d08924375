package frame.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.testing.TestImages;
import frame.server.localsend.LocalSendCli;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frame serve --localsend} as a user runs it (a child JVM, loopback only, so no multicast
 * leaves the machine), with the npm {@code localsend} CLI sending a photo over HTTPS with the PIN.
 */
class LocalSendServeTest {
  static final String PIN = "246810";
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void frame_serve_localsend_takes_a_photo_from_the_localsend_cli_and_processes_it() throws Exception {
    byte[] photo = TestImages.jpeg(TestImages.photo(640, 480, 31));
    Path file = TestImages.write(photos, "sent with localsend.jpg", photo);
    LocalSendCli.install();
    try (ChildFrame child = new ChildFrame(dataDir)
        .withServeArgs("--localsend", "--localsend-port", "0", "--localsend-pin", PIN).start()) {
      Matcher announced = Pattern.compile("LocalSend as 'FRAME' on port (\\d+) \\(HTTPS\\), PIN " + PIN).matcher(child.log());
      assertThat(announced.find()).as(child.log()).isTrue();

      LocalSendCli.Sent sent = LocalSendCli.send(Integer.parseInt(announced.group(1)), file, PIN);
      assertThat(sent.exitCode()).as(sent.output()).isZero();

      JsonNode image = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
        JsonNode items = new ObjectMapper().readTree(child.get("/api/images").body()).get("items");
        return items.size() == 1 ? items.get(0) : null;
      }, found -> found != null && found.get("status").asText().equals("PROCESSED"));
      HttpResponse<byte[]> original = HttpClient.newHttpClient().send(
          child.request("/api/images/" + image.get("id").asLong() + "/original").GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(original.body()).isEqualTo(photo);
    }
  }
}
