package frame.server;

import java.util.Locale;

/**
 * The scope rule, by path so it covers routes added later without naming them: everything under
 * {@code /api/admin} (jobs, queue, token management, pairing) needs an admin token.
 */
final class AdminScope {
  static final String PREFIX = "/api/admin";

  private AdminScope() {}

  static boolean covers(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    while (p.contains("//")) p = p.replace("//", "/");
    return p.equals(PREFIX) || p.startsWith(PREFIX + "/");
  }
}
