package frame.server;

import frame.core.auth.Pairings;
import java.util.List;

/**
 * The pairing link a phone opens: the page at {@code /} with the code in the fragment, which the
 * browser never sends to a server, so the code stays out of every request line and log.
 */
public final class PairingLinks {
  private PairingLinks() {}

  public static String link(String baseUrl, Pairings.PairingCode code) {
    return baseUrl + "/#pair=" + code.link();
  }

  /** The base URL another device should use: a LAN address when there is one, else loopback. */
  public static String bestBase(List<String> urls) {
    return urls.get(urls.size() - 1);
  }
}
