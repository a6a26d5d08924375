package frame.server;

import frame.core.auth.Pairings;
import frame.server.tls.Fingerprint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pairing link a phone opens: the page at {@code /} with the code in the fragment, which the
 * browser never sends to a server, so the code stays out of every request line and log. Over
 * HTTPS the fragment also carries the certificate's fingerprint
 * ({@code https://192.168.1.20:8420/#pair=CODE&fp=AB:12:...}), so FRAME's own clients can pin
 * it; a browser ignores it and shows its one-time warning instead.
 */
public final class PairingLinks {
  private PairingLinks() {}

  public static String link(String baseUrl, Pairings.PairingCode code) {
    return baseUrl + "/#pair=" + code.link();
  }

  /** The link with the server's fingerprint, when it has one (HTTPS). */
  public static String link(String baseUrl, Pairings.PairingCode code, Optional<Fingerprint> fingerprint) {
    return link(baseUrl, code) + fingerprint.map(f -> "&fp=" + f.hex()).orElse("");
  }

  /** The single-use code in a pairing link. */
  public static String codeIn(String link) {
    String code = link.substring(link.indexOf("#pair=") + "#pair=".length());
    int more = code.indexOf('&');
    return more < 0 ? code : code.substring(0, more);
  }

  /** The fingerprint in a pairing link, if it carries one. */
  public static Optional<Fingerprint> fingerprintIn(String link) {
    int at = link.indexOf("&fp=");
    return at < 0 ? Optional.empty() : Optional.of(Fingerprint.parse(link.substring(at + "&fp=".length())));
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
