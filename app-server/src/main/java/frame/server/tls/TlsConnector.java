package frame.server.tls;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one port FRAME listens on when it serves HTTPS, with the JDK's TLS through Jetty. A
 * connection that opens with a TLS handshake gets TLS; one that opens with plain HTTP (someone
 * typed {@code http://}) still reaches the server, marked not secure, so {@link PlainHttpRefusal}
 * can send a browser to {@code https://} and refuse the API, rather than the port answering
 * with garbage.
 */
public final class TlsConnector {
  private TlsConnector() {}

  public static Connector create(Server server, HttpConfiguration javalins, String host, int port,
      ServerCertificate certificate) {
    SslContextFactory.Server context = new SslContextFactory.Server();
    context.setKeyStore(certificate.keyStore());
    context.setKeyStorePassword(certificate.keyStorePassword());
    context.setKeyManagerPassword(certificate.keyStorePassword());
    context.setIncludeProtocols("TLSv1.3", "TLSv1.2");

    HttpConfiguration config = new HttpConfiguration(javalins);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // a phone may reach FRAME by a name the certificate predates (a new Wi-Fi address): the
    // person accepted this certificate, or pinned it, so a name mismatch must not refuse them
    secure.setSniHostCheck(false);
    config.addCustomizer(secure);
    HttpConnectionFactory http = new HttpConnectionFactory(config);
    SslConnectionFactory tls = new SslConnectionFactory(context, http.getProtocol());
    ServerConnector connector = new ServerConnector(server, new DetectorConnectionFactory(tls), http);
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
