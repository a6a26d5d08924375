package frame.server.localsend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import frame.server.tls.Fingerprint;
import frame.server.tls.PinnedServerTrust;
import frame.server.tls.ServerCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers another device's announcement the way the protocol asks first: FRAME's info in a
 * {@code POST /api/localsend/v2/register} to that device, at the address the announcement came
 * from (never another) and the port and protocol it names. Over HTTPS the device's certificate is
 * self-signed, so nothing can vouch for it in advance: as LocalSend does, it is trusted when its
 * SHA-256 is the fingerprint the announcement claimed, for this one call only; and FRAME presents
 * its own certificate as the client's, which LocalSend's servers ask for. A short timeout: a device
 * that does not answer gets the multicast answer instead.
 */
final class Registrar {
  private static final Logger log = LoggerFactory.getLogger(Registrar.class);

  private final byte[] info;
  private final ServerCertificate certificate;
  private final Duration timeout;

  Registrar(Messages.DeviceInfo self, ServerCertificate certificate, Duration timeout) {
    try {
      this.info = new ObjectMapper().writeValueAsBytes(self);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    this.certificate = certificate;
    this.timeout = timeout;
  }

  /** Whether the device that announced itself from {@code from} took FRAME's register. */
  boolean register(InetAddress from, Messages.DeviceInfo announcement) {
    String protocol = announcement.protocol();
    Integer port = announcement.port();
    if (port == null || port < 1 || port > 65_535 || !("http".equals(protocol) || "https".equals(protocol))) {
      log.debug("Not answering a LocalSend announcement from {} that names no port or protocol", from);
      return false;
    }
    try (HttpClient client = client(protocol, announcement.fingerprint())) {
      URI register = new URI(protocol, null, from.getHostAddress(), port, LocalSendReceiver.BASE + "/register", null,
          null);
      HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(register).timeout(timeout)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(info)).build(),
          HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() / 100 != 2) {
        log.debug("LocalSend device at {} answered FRAME's register with {}", register, answer.statusCode());
        return false;
      }
      log.info("LocalSend device at {}:{} knows FRAME now", from.getHostAddress(), port);
      return true;
    } catch (IOException | URISyntaxException e) {
      log.debug("Could not register with the LocalSend device at {}:{}: {}", from.getHostAddress(), port,
          e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpClient client(String protocol, String fingerprint) {
    HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(timeout);
    if (!"https".equals(protocol)) return client.build();
    try {
      KeyManagerFactory own = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      own.init(certificate.keyStore(), certificate.keyStorePassword().toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(own.getKeyManagers(), new TrustManager[] {new Announced(fingerprint)}, null);
      return client.sslContext(tls).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No TLS in this Java: " + e.getMessage(), e);
    }
  }

  /** Trusts the one certificate whose SHA-256 the announcement gave, in either case, while it is valid. */
  private static final class Announced extends PinnedServerTrust {
    private final String fingerprint;

    Announced(String fingerprint) {
      this.fingerprint = fingerprint == null ? "" : fingerprint.toUpperCase(Locale.ROOT);
    }

    @Override
    protected void checkPinned(X509Certificate presented) throws CertificateException {
      String hex = Fingerprint.of(presented).plainHex();
      if (!hex.equals(fingerprint)) {
        throw new CertificateException("The device's certificate " + hex + " is not the one it announced: "
            + fingerprint);
      }
      presented.checkValidity();
    }
  }
}
