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
 * and {@code _http._tcp} (for any browser or network tool), on each LAN address, with TXT
 * records {@code version} and {@code path}. Registration runs in the background (mDNS probing
 * takes a few seconds) and never holds up the server.
 */
final class LanAdvertiser implements AutoCloseable {
  static final String FRAME_TYPE = "_frame._tcp.local.";
  static final String HTTP_TYPE = "_http._tcp.local.";
  private static final Logger log = LoggerFactory.getLogger(LanAdvertiser.class);

  private final List<JmDNS> responders = new CopyOnWriteArrayList<>();
  private final String wantedName;
  private volatile String advertisedName;
  private volatile boolean closed;
  private final Thread registering;

  private LanAdvertiser(int port, List<InetAddress> addresses) {
    this.wantedName = "FRAME on " + hostName();
    this.registering = Thread.ofVirtual().name("frame-mdns").start(() -> register(port, addresses));
  }

  static LanAdvertiser start(int port) {
    return new LanAdvertiser(port, LanAddresses.find());
  }

  private void register(int port, List<InetAddress> addresses) {
    if (addresses.isEmpty()) log.warn("No LAN address to announce FRAME on (mDNS)");
    Map<String, String> txt = Map.of("version", version(), "path", "/");
    for (InetAddress address : addresses) {
      if (closed) return;
      try {
        JmDNS responder = JmDNS.create(address, hostName());
        responders.add(responder);
        ServiceInfo frame = ServiceInfo.create(FRAME_TYPE, wantedName, port, 0, 0, txt);
        responder.registerService(frame);
        responder.registerService(ServiceInfo.create(HTTP_TYPE, wantedName, port, 0, 0, txt));
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
