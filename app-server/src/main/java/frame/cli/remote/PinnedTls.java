package frame.cli.remote;

import frame.server.tls.Fingerprint;
import frame.server.tls.PinnedServerTrust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * HTTPS to a FRAME whose certificate is known by its fingerprint: the connection is trusted when
 * the server presents exactly that certificate, and refused otherwise, whatever any certificate
 * authority says. FRAME's certificate is self-signed, so no authority could vouch for it anyway;
 * the fingerprint came from a trusted place (the data folder's endpoint file, the pairing link,
 * what {@code frame serve} printed). The name the server is reached by does not matter: the
 * certificate itself is what is checked.
 */
public final class PinnedTls {
  private PinnedTls() {}

  /** An HTTP client that talks to the one server holding the certificate with {@code fingerprint}. */
  public static HttpClient client(Fingerprint fingerprint, Duration connectTimeout) {
    return HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(context(fingerprint)).build();
  }

  static SSLContext context(Fingerprint fingerprint) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new Pinned(fingerprint)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No TLS in this Java: " + e.getMessage(), e);
    }
  }

  /**
   * The fingerprint of the certificate a server presents, trusting nothing and sending nothing
   * but a TLS handshake: what a person compares with the one FRAME shows before pinning it
   * (trust on first use).
   */
  public static Fingerprint presentedBy(String host, int port, Duration timeout) throws IOException {
    X509Certificate[][] seen = new X509Certificate[1][];
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new Recording(seen)}, null);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        socket.startHandshake();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No TLS in this Java: " + e.getMessage(), e);
    }
    if (seen[0] == null || seen[0].length == 0) throw new IOException(host + ":" + port + " presented no certificate");
    return Fingerprint.of(seen[0][0]);
  }

  /** The message a refused connection carries, found again by {@link #refusal}. */
  static final String MISMATCH = "FRAME's certificate does not match the pinned fingerprint";

  /** The pinning failure inside a failed request's causes, if that is why it failed. */
  public static Optional<String> refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(MISMATCH)) {
        String message = cause.getMessage();
        return Optional.of(message.substring(message.indexOf(MISMATCH)));
      }
    }
    return Optional.empty();
  }

  /** Accepts any server certificate and keeps it, for {@link #presentedBy}; never used to send a request. */
  private static final class Recording extends PinnedServerTrust {
    private final X509Certificate[][] seen;

    Recording(X509Certificate[][] seen) {
      this.seen = seen;
    }

    @Override
    protected void checkPinned(X509Certificate presented) {
      seen[0] = new X509Certificate[] {presented};
    }
  }

  private static class Pinned extends PinnedServerTrust {
    private final Fingerprint expected;

    Pinned(Fingerprint expected) {
      this.expected = expected;
    }

    @Override
    protected void checkPinned(X509Certificate certificate) throws CertificateException {
      Fingerprint presented = Fingerprint.of(certificate);
      if (!presented.equals(expected)) {
        throw new CertificateException(MISMATCH + ": expected " + expected + ", the server presented " + presented
            + ". Another device may be pretending to be FRAME; or FRAME made a new certificate (check the "
            + "fingerprint 'frame serve' or the Server pane shows).");
      }
    }
  }
}
