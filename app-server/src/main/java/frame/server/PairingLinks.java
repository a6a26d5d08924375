package frame.server;

import frame.core.api.devices.PairingCode;

import java.util.Comparator;
import java.util.List;

/**
 * The pairing link a phone opens: the page at {@code /} with the code in the fragment, which the
 * browser never sends to a server, so the code stays out of every request line and log.
 */
public final class PairingLinks {
  private PairingLinks() {}

  public static String link(String baseUrl, PairingCode code) {
    return baseUrl + "/#pair=" + code.link();
  }

  /**
   * The base URL another device should use: a home or office LAN address (192.168.x, then 10.x),
   * before container bridges (172.16-31.x) and loopback, which a phone cannot reach.
   */
  public static String bestBase(List<String> urls) {
    return urls.stream().min(Comparator.comparingInt(PairingLinks::rank)).orElseThrow();
  }

  private static int rank(String url) {
    String host = url.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
    if (host.startsWith("192.168.")) return 0;
    if (host.startsWith("10.")) return 1;
    if (host.matches("172\\.(1[6-9]|2\\d|3[01])\\..*")) return 3;
    if (host.startsWith("127.")) return 4;
    return 2;
  }
}
