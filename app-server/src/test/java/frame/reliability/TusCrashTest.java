package frame.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.core.testing.TestImages;
import frame.server.tus.TusJsClient;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * U1: tus-js-client sends a photo to a child FRAME, which is killed with SIGKILL mid-upload; a
 * new FRAME on the same folder reports at least every acknowledged byte, and the client resumes
 * from there to one photo with exactly the sent bytes.
 */
class TusCrashTest {
  @TempDir Path dataDir;
  @TempDir Path work;

  @Test
  void u1_a_tus_upload_survives_kill_9_mid_upload_and_resumes_to_one_photo_with_exact_bytes() throws Exception {
    byte[] photo = photoOf(6 << 20);
    Path file = TestImages.write(work, "hotel wifi.jpg", photo);
    TusJsClient.install();

    ChildFrame first = new ChildFrame(dataDir).start();
    String url;
    long acknowledged;
    try (first; TusJsClient.Run run = TusJsClient.start(endpoint(first.port()), first.token(), file,
        "--chunk", Integer.toString(256 * 1024), "--delay", "40")) {
      url = run.next("created").get("url").asText();
      JsonNode event;
      do {
        event = run.next("chunk", "success", "error");
        assertThat(event.get("event").asText()).as(event.toString()).isEqualTo("chunk");
      } while (event.get("accepted").asLong() < photo.length * 2L / 5);
      acknowledged = event.get("accepted").asLong();
      first.kill();
      JsonNode end = run.next("success", "error");
      assertThat(end.get("event").asText()).as("the upload cannot finish without FRAME").isEqualTo("error");
    }

    try (ChildFrame second = first.withOptions().start()) {
      String resumeUrl = url.replace(":" + first.port() + "/", ":" + second.port() + "/");
      JsonNode resumed;
      JsonNode done;
      try (TusJsClient.Run run = TusJsClient.start(endpoint(second.port()), second.token(), file, "--resume", resumeUrl)) {
        resumed = run.next("resumed");
        done = run.next("success", "error");
      }
      assertThat(resumed.get("offset").asLong()).isBetween(acknowledged, photo.length - 1L);
      assertThat(done.get("event").asText()).as(done.toString()).isEqualTo("success");
      assertThat(done.get("imageStatus").asText()).isEqualTo("stored");

      HttpResponse<byte[]> original = HttpClient.newHttpClient().send(
          second.request("/api/images/" + done.get("imageId").asLong() + "/original").GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(original.body()).isEqualTo(photo);
      // the hash that streamed in before the kill was lost with the process: rebuilt from the durable bytes
      HttpResponse<String> byChecksum = HttpClient.newHttpClient().send(second.request("/api/images/by-checksum/"
          + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo)))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(byChecksum.statusCode()).isEqualTo(200);
      assertThat(byChecksum.headers().firstValue("X-Image-Id")).hasValue(done.get("imageId").asText());
      JsonNode images = new ObjectMapper().readTree(second.get("/api/images").body());
      assertThat(images.get("total").asLong()).isEqualTo(1);
    }
  }

  /** A real JPEG padded after its end marker (decoders ignore it) to a size worth resuming. */
  private static byte[] photoOf(int size) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    bytes.writeBytes(TestImages.jpeg(TestImages.photo(800, 600, 11)));
    byte[] padding = new byte[size - bytes.size()];
    new Random(11).nextBytes(padding);
    bytes.writeBytes(padding);
    return bytes.toByteArray();
  }

  private static String endpoint(int port) {
    return "http://127.0.0.1:" + port + "/api/tus";
  }
}
