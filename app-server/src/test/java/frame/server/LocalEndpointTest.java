package frame.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint a running server publishes for this machine's command line. */
class LocalEndpointTest {
  @TempDir Path dataDir;

  @Test
  void the_newest_server_of_a_frame_owns_the_endpoint_and_its_credential_is_an_admin_key() throws Exception {
    try (ServerFixture fixture = new ServerFixture(dataDir)) {
      LocalEndpoint.Published first = LocalEndpoint.discover(dataDir).orElseThrow();
      assertThat(first.port()).isEqualTo(fixture.server.port());
      assertThat(first.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(status(first, "/api/admin/jobs")).isEqualTo(200);
      assertThat(fixture.client.withToken(first.credential() + "x").get("/api/admin/jobs").statusCode()).isEqualTo(401);

      // the window restarts its server when it is opened to the LAN: the new one takes over
      ApiServer second = ApiServer.start(fixture.frame, ServerSettings.defaults(0, false, dataDir));
      LocalEndpoint.Published now = LocalEndpoint.discover(dataDir).orElseThrow();
      assertThat(now.port()).isEqualTo(second.port());
      assertThat(now.credential()).isNotEqualTo(first.credential());
      fixture.server.close();
      assertThat(LocalEndpoint.discover(dataDir)).as("the older server leaves the newer one's file").contains(now);
      assertThat(status(first, "/api/admin/jobs")).as("a stopped server's credential is gone with it")
          .isEqualTo(-1);
      second.close();
      assertThat(LocalEndpoint.discover(dataDir)).isEmpty();
      assertThat(dataDir.resolve("frame.endpoint")).doesNotExist();
    }
  }

  private static int status(LocalEndpoint.Published endpoint, String path) throws InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
          .header("Authorization", "Bearer " + endpoint.credential()).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      return -1; // nothing listens there any more
    }
  }
}
