package frame.core.api.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a user's FRAME data lives by default, following each platform's convention. */
final class DataDirs {
  private DataDirs() {}

  static Path defaultFor(Map<String, String> env, String osName, Path userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String appData = env.get("LOCALAPPDATA");
      return (appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Local")).resolve("FRAME");
    }
    if (os.contains("mac")) {
      return userHome.resolve("Library").resolve("Application Support").resolve("FRAME");
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
    return base.resolve("frame");
  }
}
