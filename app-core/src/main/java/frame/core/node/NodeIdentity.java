package frame.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Properties;
import java.util.UUID;

/** Who this process is among the nodes: its id (also its runner's worker id), host, pid and version. */
public record NodeIdentity(String id, String host, long pid, String version, String kind) {

  public static NodeIdentity forThisProcess(String kind) {
    String host = hostName();
    long pid = ProcessHandle.current().pid();
    return new NodeIdentity(host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 4), host, pid,
        currentVersion(), kind);
  }

  /** The id as a folder name (its temp folder in the shared storage). */
  public String folderName() {
    return folderNameOf(id);
  }

  public static String folderNameOf(String nodeId) {
    return nodeId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  public static String currentVersion() {
    Properties properties = new Properties();
    try (InputStream in = NodeIdentity.class.getResourceAsStream("/frame/core/version.properties")) {
      if (in != null) properties.load(in);
    } catch (IOException e) {
      // a development build without the resource
    }
    String version = properties.getProperty("version", "development");
    return version.startsWith("${") ? "development" : version;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
