package frame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.FrameTestAccess;
import frame.core.testing.FrameFixture;
import frame.server.ApiServer;
import frame.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 27, finding 3: bad tokens from this machine never lock its owner out. */
class LockoutTest {
  @TempDir Path dataDir;

  @Test
  void after_ten_bad_tokens_from_loopback_the_admin_token_and_the_command_line_still_work() throws Exception {
    ServerSettings settings = ServerSettings.defaults(0, false, dataDir);
    try (Frame running = FrameFixture.open(dataDir);
        ApiServer server = ApiServer.start(running, settings);
        HttpClient http = HttpClient.newHttpClient()) {
      String admin = FrameTestAccess.tokens(running).create("owner");
      for (int i = 0; i < settings.authFailuresPerMinute(); i++) {
        assertThat(get(http, server, "frame_guess" + i)).isEqualTo(401);
      }
      assertThat(get(http, server, "frame_one_more")).as("the guesser is limited").isEqualTo(429);

      assertThat(get(http, server, admin)).isEqualTo(200);
      CommandRun queue = CommandRun.of(dataDir, "queue");
      assertThat(queue.exitCode()).as(queue.err()).isZero();
      assertThat(queue.out()).contains("Queue: running");
    }
  }

  private static int get(HttpClient http, ApiServer server, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/admin/jobs"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
