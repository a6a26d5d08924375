package frame.core.api.config;

/**
 * The user and password for a server database, kept out of the URL so they never reach a log
 * line or an error message. Both null: whatever the URL (or the driver's defaults) say.
 */
public record DatabaseLogin(String user, String password) {
  public static final DatabaseLogin NONE = new DatabaseLogin(null, null);

  @Override
  public String toString() {
    return "DatabaseLogin[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
