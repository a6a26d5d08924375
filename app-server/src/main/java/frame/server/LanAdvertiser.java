package frame.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces a LAN server over mDNS/DNS-SD, as {@code _frame._tcp} (for {@code frame discover})
 * and {@code _https._tcp} (for any browser or network tool; {@code _http._tcp} for a server
 * without TLS), on each LAN address, with TXT records {@code version}, {@code path} and
 * {@code scheme}. Registration runs in the background (mDNS probing
 * takes a few seconds) and never holds up the server.
 */
final class LanAdvertiser implements AutoCloseable {
  static final String FRAME_TYPE = "_frame._tcp.local.";
  static final String HTTP_TYPE = "_http._tcp.local.";
  static final String HTTPS_TYPE = "_https._tcp.local.";
  private static final Logger log = LoggerFactory.getLogger(LanAdvertiser.class);

  private final List<JmDNS> responders = new CopyOnWriteArrayList<>();
  private final String wantedName;
  private volatile String advertisedName;
  private volatile boolean closed;
  private final Thread registering;

  private LanAdvertiser(int port, boolean https, List<InetAddress> addresses) {
    this.wantedName = "FRAME on " + hostName();
    this.registering = Thread.ofVirtual().name("frame-mdns").start(() -> register(port, https, addresses));
  }

  static LanAdvertiser start(int port, boolean https) {
    return new LanAdvertiser(port, https, LanAddresses.find());
  }

  private void register(int port, boolean https, List<InetAddress> addresses) {
    if (addresses.isEmpty()) log.warn("No LAN address to announce FRAME on (mDNS)");
    Map<String, String> txt = Map.of("version", version(), "path", "/", "scheme", https ? "https" : "http");
    for (InetAddress address : addresses) {
      if (closed) return;
      try {
        JmDNS responder = JmDNS.create(address, hostName());
        responders.add(responder);
        ServiceInfo frame = ServiceInfo.create(FRAME_TYPE, wantedName, port, 0, 0, txt);
        responder.registerService(frame);
        responder.registerService(ServiceInfo.create(https ? HTTPS_TYPE : HTTP_TYPE, wantedName, port, 0, 0, txt));
        advertisedName = frame.getName();
        log.info("Announced '{}' on {} over mDNS", advertisedName, address.getHostAddress());
      } catch (IOException | RuntimeException e) {
        log.warn("Cannot announce FRAME over mDNS on {}: {}", address.getHostAddress(), e.getMessage());
      }
    }
  }

  /** The name other devices see (mDNS renames on a clash, e.g. "FRAME on studio (2)"). */
  String name() {
    return advertisedName == null ? wantedName : advertisedName;
  }

  static String hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      int dot = name.indexOf('.');
      return dot > 0 ? name.substring(0, dot) : name;
    } catch (IOException e) {
      return "this computer";
    }
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = LanAdvertiser.class.getResourceAsStream("/frame/cli/version.properties")) {
      if (in != null) properties.load(in);
    } catch (IOException e) {
      // "development" below
    }
    return properties.getProperty("version", "development");
  }

  @Override
  public void close() {
    closed = true;
    try {
      registering.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<JmDNS> all = new ArrayList<>(responders);
    responders.clear();
    for (JmDNS responder : all) {
      try {
        responder.unregisterAllServices();
        responder.close();
      } catch (IOException | RuntimeException e) {
        log.debug("Closing mDNS: {}", e.getMessage());
      }
    }
  }
}
