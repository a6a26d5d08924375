package frame.core.api.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything FRAME needs to start, already resolved (see {@link ConfigLoader} for where each value
 * comes from).
 */
public record FrameConfig(
    Path dataDir,
    Path storageDir,
    String databaseUrl,
    int workers,
    int batchSize,
    Duration pollInterval,
    long maxPixels,
    int port,
    boolean lan,
    DatabaseLogin databaseLogin,
    String nodeKind,
    boolean notifications) {

  public static final int DEFAULT_PORT = 8420;
  public static final long DEFAULT_MAX_PIXELS = 150_000_000L;

  /** Defaults for a data folder: storage and database inside it. */
  public static FrameConfig inDataDir(Path dataDir) {
    Path data = dataDir.toAbsolutePath().normalize();
    return new FrameConfig(
        data,
        data.resolve("storage"),
        hsqldbUrl(data),
        defaultWorkers(),
        5,
        Duration.ofSeconds(5),
        DEFAULT_MAX_PIXELS,
        DEFAULT_PORT,
        false,
        DatabaseLogin.NONE,
        "cli",
        true);
  }

  /**
   * Two per CPU: a photo's preview and thumbnail jobs share one decode, so one of them waits while
   * the other decodes, and every job waits on the disk at its end; with one worker per CPU a CPU
   * sits idle through both.
   */
  public static int defaultWorkers() {
    return 2 * Runtime.getRuntime().availableProcessors();
  }

  static String hsqldbUrl(Path dataDir) {
    return "jdbc:hsqldb:file:" + dataDir.resolve("db").resolve("frame");
  }

  /**
   * True when the database lives in this process (an HSQLDB file or memory database), locked to
   * it with the data folder: then no other worker can be alive, and start-up may take back every
   * RUNNING job at once. An HSQLDB server ({@code jdbc:hsqldb:hsql://}) is shared like PostgreSQL.
   */
  public boolean embeddedDatabase() {
    return databaseUrl.startsWith("jdbc:hsqldb:file:") || databaseUrl.startsWith("jdbc:hsqldb:mem:");
  }

  public FrameConfig withWorkers(int count) {
    return new FrameConfig(dataDir, storageDir, databaseUrl, count, batchSize, pollInterval, maxPixels, port, lan,
        databaseLogin, nodeKind, notifications);
  }

  public FrameConfig withPollInterval(Duration interval) {
    return new FrameConfig(dataDir, storageDir, databaseUrl, workers, batchSize, interval, maxPixels, port, lan,
        databaseLogin, nodeKind, notifications);
  }

  /** A server database and its login (a studio's shared PostgreSQL). */
  public FrameConfig withDatabase(String url, DatabaseLogin login) {
    return new FrameConfig(dataDir, storageDir, url, workers, batchSize, pollInterval, maxPixels, port, lan, login,
        nodeKind, notifications);
  }

  public FrameConfig withStorageDir(Path dir) {
    return new FrameConfig(dataDir, dir.toAbsolutePath().normalize(), databaseUrl, workers, batchSize, pollInterval,
        maxPixels, port, lan, databaseLogin, nodeKind, notifications);
  }

  /** What this process is among a studio's nodes: window, serve, worker or cli. */
  public FrameConfig withNodeKind(String kind) {
    return new FrameConfig(dataDir, storageDir, databaseUrl, workers, batchSize, pollInterval, maxPixels, port, lan,
        databaseLogin, kind, notifications);
  }

}
