package frame.ui.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.Frame;
import frame.core.testing.FrameFixture;
import frame.ui.common.Background;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleBooleanProperty;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Server pane's "Receive from LocalSend": a real receiver on loopback, a sender waiting for Accept or Decline. */
class LocalSendModelTest {
  @TempDir Path dataDir;
  Frame frame;
  LocalSendModel model;

  @BeforeEach
  void start() {
    frame = FrameFixture.open(dataDir);
    model = new LocalSendModel(frame, Background.sameThread(), 0, new SimpleBooleanProperty(false));
    model.receiving().set(true);
    assertThat(model.status().get()).startsWith("Receiving from LocalSend");
  }

  @AfterEach
  void stop() {
    model.close();
    frame.close();
  }

  @Test
  void a_sender_waits_until_the_photographer_accepts_and_sees_who_sends_how_much() throws Exception {
    CompletableFuture<HttpResponse<String>> prepared = prepare();
    await().atMost(Duration.ofSeconds(30)).until(() -> model.asking().get());
    assertThat(model.offer().get()).isEqualTo("“Anna's phone” wants to send 2 files (3.0 MB)");
    assertThat(prepared).isNotDone();

    model.accept();

    assertThat(prepared.get().statusCode()).isEqualTo(200);
    assertThat(prepared.get().body()).contains("sessionId");
    assertThat(model.asking().get()).isFalse();
  }

  @Test
  void a_declined_sender_is_refused() throws Exception {
    CompletableFuture<HttpResponse<String>> prepared = prepare();
    await().atMost(Duration.ofSeconds(30)).until(() -> model.asking().get());

    model.decline();

    assertThat(prepared.get().statusCode()).isEqualTo(403);
  }

  private CompletableFuture<HttpResponse<String>> prepare() throws Exception {
    int port = Integer.parseInt(model.status().get().replaceAll(".*on port (\\d+).*", "$1"));
    String body = """
        {"info": {"alias": "Anna's phone", "version": "2.0", "deviceType": "mobile", "fingerprint": "x"},
         "files": {"a": {"id": "a", "fileName": "a.jpg", "size": 1000000, "fileType": "image/jpeg"},
                   "b": {"id": "b", "fileName": "b.heic", "size": 2000000, "fileType": "image/heic"}}}""";
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/localsend/v2/prepare-upload"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(90))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    return trustingClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A LocalSend sender takes the receiver's self-signed certificate as it is. */
  private static HttpClient trustingClient() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new X509TrustManager() {
      public void checkClientTrusted(X509Certificate[] chain, String auth) {}
      public void checkServerTrusted(X509Certificate[] chain, String auth) {}
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    return HttpClient.newBuilder().sslContext(tls).build();
  }
}
