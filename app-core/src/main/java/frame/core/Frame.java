package frame.core;

import frame.core.api.FrameLibrary;
import frame.core.api.Ports;
import frame.core.api.config.FrameConfig;
import frame.core.db.DataFolderLock;
import frame.core.db.Database;
import frame.core.job.RunnerSettings;
import java.time.Clock;

/**
 * One open FRAME: the ports the assembly built over one database, one store and one job runner,
 * and what closes them. Front ends see it as a {@link FrameLibrary}.
 */
public final class Frame implements FrameLibrary {
  private final FrameAssembly.Parts parts;
  private final Ports ports;

  Frame(FrameAssembly.Parts parts, Ports ports) {
    this.parts = parts;
    this.ports = ports;
  }

  /** Opens FRAME on a data folder and starts its job runner. */
  public static Frame open(FrameConfig config) {
    return open(config, nodeClock(), settingsFor(config), true);
  }

  /** For tests and tools: a given clock and runner settings; the runner starts only if asked. */
  public static Frame open(FrameConfig config, Clock clock, RunnerSettings settings, boolean startRunner) {
    return FrameAssembly.open(config, clock, settings, startRunner);
  }

  /**
   * This JVM's clock, shifted by the system property {@code frame.clock.offset} (an ISO-8601
   * duration such as {@code PT5M} or {@code -PT5M}): a node with a wrong clock, for the tests that
   * prove leases do not depend on it.
   */
  static Clock nodeClock() {
    String offset = System.getProperty("frame.clock.offset");
    if (offset == null || offset.isBlank()) return Clock.systemUTC();
    return Clock.offset(Clock.systemUTC(), java.time.Duration.parse(offset.strip()));
  }

  public static RunnerSettings settingsFor(FrameConfig config) {
    return RunnerSettings.defaults(config.workers())
        .withBatchSize(config.batchSize())
        .withPollInterval(config.pollInterval());
  }

  @Override
  public Ports ports() {
    return ports;
  }

  @Override
  public FrameConfig config() {
    return parts.config();
  }

  // For the test fixture in this package (FrameTestAccess), never for front ends.
  FrameAssembly.Parts parts() {
    return parts;
  }

  @Override
  public void close() {
    parts.runner().close();
    parts.studio().close();
    parts.events().close();
    closeQuietly(parts.database(), parts.lock());
  }

  static void closeQuietly(Database database, DataFolderLock lock) {
    try {
      if (database != null) database.close();
    } finally {
      if (lock != null) lock.close();
    }
  }
}
