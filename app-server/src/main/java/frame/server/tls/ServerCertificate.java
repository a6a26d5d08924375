package frame.server.tls;

import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * The server's key and self-signed certificate, in the keystore Jetty's TLS reads, with what a
 * person is shown of it: the fingerprint.
 */
public record ServerCertificate(KeyStore keyStore, X509Certificate certificate) {
  /** PKCS12 needs a password; the file's owner-only mode is what protects the key, not this. */
  static final String KEYSTORE_PASSWORD = "frame";
  static final String ALIAS = "frame";

  public Fingerprint fingerprint() {
    return Fingerprint.of(certificate);
  }

  public String keyStorePassword() {
    return KEYSTORE_PASSWORD;
  }
}
