package frame.cli;

import frame.server.tls.Fingerprint;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTPS to a FRAME whose certificate is known by its fingerprint: the connection is trusted when
 * the server presents exactly that certificate, and refused otherwise, whatever any certificate
 * authority says. FRAME's certificate is self-signed, so no authority could vouch for it anyway;
 * the fingerprint came from a trusted place (the data folder's endpoint file, the pairing link,
 * what {@code frame serve} printed). The name the server is reached by does not matter: the
 * certificate itself is what is checked.
 */
final class PinnedTls {
  private PinnedTls() {}

  /** An HTTP client that talks to the one server holding the certificate with {@code fingerprint}. */
  static HttpClient client(Fingerprint fingerprint, Duration connectTimeout) {
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

  /** The message a refused connection carries, found again by {@link #refusal}. */
  static final String MISMATCH = "FRAME's certificate does not match the pinned fingerprint";

  /** The pinning failure inside a failed request's causes, if that is why it failed. */
  static java.util.Optional<String> refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(MISMATCH)) {
        String message = cause.getMessage();
        return java.util.Optional.of(message.substring(message.indexOf(MISMATCH)));
      }
    }
    return java.util.Optional.empty();
  }

  private static final class Pinned extends X509ExtendedTrustManager {
    private final Fingerprint expected;

    Pinned(Fingerprint expected) {
      this.expected = expected;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) throw new CertificateException("FRAME presented no certificate");
      Fingerprint presented = Fingerprint.of(chain[0]);
      if (!presented.equals(expected)) {
        throw new CertificateException(MISMATCH + ": expected " + expected + ", the server presented " + presented
            + ". Another device may be pretending to be FRAME; or FRAME made a new certificate (check the "
            + "fingerprint 'frame serve' or the Server pane shows).");
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("FRAME's command line accepts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
