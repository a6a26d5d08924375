package frame.server.localsend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import frame.server.ApiServer;
import frame.server.tls.Fingerprint;
import frame.server.tls.ServerCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FRAME's answer to another device's announcement, on loopback: a register call to a LocalSend
 * device there, an HTTPS one with its own self-signed certificate (as the apps are) or a plain
 * HTTP one (as the npm CLI's discovery is). Only the announced certificate is trusted.
 */
class RegistrarTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path frameDir;
  @TempDir Path deviceDir;
  private final List<Registered> registered = new CopyOnWriteArrayList<>();
  private HttpServer device;

  record Registered(JsonNode info, String clientFingerprint) {}

  @AfterEach
  void stop() {
    if (device != null) device.stop(0);
  }

  @Test
  void frame_registers_with_an_https_device_whose_certificate_is_the_one_it_announced() throws Exception {
    ServerCertificate frame = ApiServer.certificate(frameDir, false);
    ServerCertificate phone = ApiServer.certificate(deviceDir, false);
    int port = httpsDevice(phone);

    boolean answered = registrar(frame).register(InetAddress.getLoopbackAddress(),
        announcement(phone.fingerprint().plainHex().toLowerCase(Locale.ROOT), port, "https"));

    assertThat(answered).isTrue();
    assertThat(registered).singleElement().satisfies(call -> {
      assertThat(call.info().get("alias").asText()).isEqualTo("FRAME");
      assertThat(call.info().get("fingerprint").asText()).isEqualTo(frame.fingerprint().plainHex())
          .matches("[0-9A-F]{64}");
      assertThat(call.info().get("port").asInt()).isEqualTo(53317);
      assertThat(call.info().get("protocol").asText()).isEqualTo("https");
      assertThat(call.info().has("announce")).isFalse();
      // FRAME shows its own certificate as the client's, as LocalSend does
      assertThat(call.clientFingerprint()).isEqualTo(frame.fingerprint().plainHex());
    });
  }

  @Test
  void a_device_whose_certificate_is_not_the_one_announced_gets_nothing() throws Exception {
    ServerCertificate frame = ApiServer.certificate(frameDir, false);
    ServerCertificate phone = ApiServer.certificate(deviceDir, false);
    int port = httpsDevice(phone);

    boolean answered = registrar(frame).register(InetAddress.getLoopbackAddress(),
        announcement(frame.fingerprint().plainHex(), port, "https"));

    assertThat(answered).isFalse();
    assertThat(registered).isEmpty();
  }

  @Test
  void frame_registers_with_a_plain_http_device() throws Exception {
    ServerCertificate frame = ApiServer.certificate(frameDir, false);
    device = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    device.createContext("/api/localsend/v2/register", exchange -> answer(exchange, null));
    device.start();

    boolean answered = registrar(frame).register(InetAddress.getLoopbackAddress(),
        announcement("some-random-string", device.getAddress().getPort(), "http"));

    assertThat(answered).isTrue();
    assertThat(registered).singleElement()
        .satisfies(call -> assertThat(call.info().get("fingerprint").asText()).isEqualTo(frame.fingerprint().plainHex()));
  }

  @Test
  void a_device_that_does_not_listen_or_never_answers_is_not_registered() throws Exception {
    ServerCertificate frame = ApiServer.certificate(frameDir, false);
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThat(registrar(frame).register(InetAddress.getLoopbackAddress(), announcement("x", closed, "http"))).isFalse();
    assertThat(registrar(frame).register(InetAddress.getLoopbackAddress(), announcement("x", null, "http")))
        .as("an announcement without a port").isFalse();

    // a device that takes the connection and says nothing: the call gives up after its timeout
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      boolean answered = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> registrar(frame, Duration.ofSeconds(2))
          .register(InetAddress.getLoopbackAddress(), announcement("x", silent.getLocalPort(), "http")));
      assertThat(answered).isFalse();
    }
  }

  /**
   * A registrar whose timeout only a device that never answers reaches: on a loaded machine a
   * first TLS handshake (both sides' certificates, a cold JVM) to a device that does answer can
   * take longer than a 2 s timeout, which would read as "not registered" (or, for the wrong
   * certificate, pass for a reason other than the refusal).
   */
  private static Registrar registrar(ServerCertificate frame) {
    return registrar(frame, Duration.ofSeconds(30));
  }

  private static Registrar registrar(ServerCertificate frame, Duration timeout) {
    Messages.DeviceInfo self = new Messages.DeviceInfo("FRAME", "2.0", "FRAME", "server",
        frame.fingerprint().plainHex(), 53317, "https", false, null);
    return new Registrar(self, frame, timeout);
  }

  private static Messages.DeviceInfo announcement(String fingerprint, Integer port, String protocol) {
    return new Messages.DeviceInfo("Phone", "2.1", "Pixel", "mobile", fingerprint, port, protocol, false, true);
  }

  /** A LocalSend device's HTTPS server: its own certificate, asking for the client's and trusting any. */
  private int httpsDevice(ServerCertificate own) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(own.keyStore(), own.keyStorePassword().toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), new TrustManager[] {new X509TrustManager() {
      public void checkClientTrusted(X509Certificate[] chain, String auth) {}
      public void checkServerTrusted(X509Certificate[] chain, String auth) {}
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setWantClientAuth(true);
        params.setSSLParameters(parameters);
      }
    });
    https.createContext("/api/localsend/v2/register", exchange -> {
      var peer = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
      answer(exchange, Fingerprint.of(peer[0]).plainHex());
    });
    https.start();
    device = https;
    return https.getAddress().getPort();
  }

  private void answer(HttpExchange exchange, String clientFingerprint) throws IOException {
    registered.add(new Registered(JSON.readTree(exchange.getRequestBody()), clientFingerprint));
    byte[] body = "{\"alias\":\"Phone\",\"version\":\"2.1\",\"fingerprint\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
