package frame.server.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a server certificate must cover: loopback always, this computer's host name and its
 * mDNS name ({@code name.local}), and, when FRAME is open to the LAN, each address it serves on.
 * IP addresses are kept in Java's canonical text ({@code ::1} as {@code 0:0:0:0:0:0:0:1}).
 */
public final class CertificateNames {
  private CertificateNames() {}

  public static Set<String> forThisComputer(List<String> lanAddresses) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", canonical("::1")));
    hostName().ifPresent(host -> {
      names.add(host);
      names.add(host + ".local");
    });
    lanAddresses.forEach(address -> names.add(canonical(address)));
    return names;
  }

  /** A DNS name in lower case, an IP address in Java's canonical text. */
  static String canonical(String name) {
    if (isIpAddress(name)) {
      try {
        return InetAddress.getByName(name).getHostAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("Not an address: " + name, e);
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }

  static boolean isIpAddress(String name) {
    return name.matches("[0-9.]+") || name.contains(":");
  }

  private static java.util.Optional<String> hostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      int dot = name.indexOf('.');
      String host = (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
      return host.matches("[a-z0-9-]+") ? java.util.Optional.of(host) : java.util.Optional.empty();
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
  }
}
