package frame.server.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts one server certificate, known by its fingerprint, and nothing else: no certificate
 * authority vouches for a device on the LAN, so its fingerprint is what is pinned. What a
 * mismatch means differs by caller, so each checks and says it in {@link #checkPinned}. Accepts
 * no clients.
 */
public abstract class PinnedServerTrust extends X509ExtendedTrustManager {
  /** Refuses, with what a photographer or the log should read, a certificate that is not the pinned one. */
  protected abstract void checkPinned(X509Certificate presented) throws CertificateException;

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) throw new CertificateException("The server presented no certificate");
    checkPinned(chain[0]);
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("This connection accepts no clients");
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public final X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
