package frame.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Rejects requests whose Host header is not this machine (DNS rebinding: a web page can make a
 * browser send requests to a LAN or loopback server under a foreign name). Allowed: loopback
 * names, this machine's host name and addresses, each with our port.
 */
final class HostAllowlist {
  private final Set<String> names;

  HostAllowlist(Set<String> names) {
    this.names = names;
  }

  static HostAllowlist forThisMachine() {
    Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "::1", "[::1]"));
    try {
      String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
      names.add(host);
      names.add(host + ".local");
    } catch (UnknownHostException ignored) {
      // no name: addresses still work
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          String text = address.getHostAddress();
          int zone = text.indexOf('%');
          if (zone >= 0) text = text.substring(0, zone);
          names.add(text.toLowerCase(Locale.ROOT));
          if (text.contains(":")) names.add("[" + text.toLowerCase(Locale.ROOT) + "]");
        }
      }
    } catch (SocketException ignored) {
      // loopback names still work
    }
    return new HostAllowlist(Set.copyOf(names));
  }

  /** True when {@code hostHeader} names this machine on {@code port}. */
  boolean allows(String hostHeader, int port) {
    if (hostHeader == null || hostHeader.isBlank()) return false;
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    boolean bracketed = host.startsWith("[");
    String name = host;
    int givenPort = 80;
    if (colon > 0 && (!bracketed || host.lastIndexOf(']') < colon)) {
      name = host.substring(0, colon);
      try {
        givenPort = Integer.parseInt(host.substring(colon + 1));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return givenPort == port && names.contains(name);
  }
}
