package frame.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits of the REST server. Defaults: loopback only, 512 MiB per file, 2 GiB per request, parts
 * over 1 MiB spill to a temp folder inside the data folder, 4 uploads at once, 30 s idle timeout,
 * 10 failed authentications per client address per minute.
 */
public record ServerSettings(
    int port, boolean lan, Path uploadTempDir, long maxFileBytes, long maxRequestBytes, int inMemoryBytes,
    int maxConcurrentUploads, Duration idleTimeout, int authFailuresPerMinute) {

  /** The largest file an upload may bring, whichever way it comes (POST, tus, LocalSend). */
  public static final long DEFAULT_MAX_FILE_BYTES = 512L << 20;

  public static ServerSettings defaults(int port, boolean lan, Path dataDir) {
    return new ServerSettings(port, lan, dataDir.resolve("tmp").resolve("uploads"), DEFAULT_MAX_FILE_BYTES, 2L << 30, 1 << 20,
        4, Duration.ofSeconds(30), 10);
  }

  public String bindHost() {
    return lan ? "0.0.0.0" : "127.0.0.1";
  }

  public ServerSettings withMaxFileBytes(long bytes) {
    return new ServerSettings(port, lan, uploadTempDir, bytes, maxRequestBytes, inMemoryBytes, maxConcurrentUploads,
        idleTimeout, authFailuresPerMinute);
  }

  public ServerSettings withIdleTimeout(Duration timeout) {
    return new ServerSettings(port, lan, uploadTempDir, maxFileBytes, maxRequestBytes, inMemoryBytes,
        maxConcurrentUploads, timeout, authFailuresPerMinute);
  }

  public ServerSettings withMaxConcurrentUploads(int uploads) {
    return new ServerSettings(port, lan, uploadTempDir, maxFileBytes, maxRequestBytes, inMemoryBytes, uploads,
        idleTimeout, authFailuresPerMinute);
  }
}
