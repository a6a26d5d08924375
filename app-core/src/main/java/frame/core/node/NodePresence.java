package frame.core.node;

import frame.core.job.JobRunner;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's row in the node table, kept fresh: registered at start, a heartbeat with what the
 * runner holds every {@code beat}, marked stopped at a clean stop. A node that dies simply stops
 * beating and the others see it as lost one lease later.
 */
public final class NodePresence implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodePresence.class);

  private final NodeRegistry registry;
  private final NodeIdentity identity;
  private final JobRunner runner;
  private final ScheduledExecutorService timer;
  private volatile boolean failing;

  private NodePresence(NodeRegistry registry, NodeIdentity identity, JobRunner runner, Duration beat) {
    this.registry = registry;
    this.identity = identity;
    this.runner = runner;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "frame-node-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::beat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Registers this node; do it before it writes anything to the shared storage. */
  public static void register(NodeRegistry registry, NodeIdentity identity) {
    registry.register(identity.id(), identity.host(), identity.pid(), identity.version(), identity.kind());
  }

  /** Keeps the registered node's heartbeat going until closed. */
  public static NodePresence keepBeating(NodeRegistry registry, NodeIdentity identity, JobRunner runner,
      Duration beat) {
    return new NodePresence(registry, identity, runner, beat);
  }

  private void beat() {
    try {
      if (!registry.beat(identity.id(), runner.runningCount(), runner.finishedCount())) {
        // pruned while this node was cut off for a day, or removed by hand: come back
        registry.register(identity.id(), identity.host(), identity.pid(), identity.version(), identity.kind());
      }
      if (failing) log.info("Node heartbeat reaches the database again");
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) log.warn("Node heartbeat cannot reach the database; will keep trying: {}", e.getMessage());
      failing = true;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      registry.stopped(identity.id(), runner.finishedCount());
    } catch (RuntimeException e) {
      log.warn("Could not mark node {} stopped; it will show as lost: {}", identity.id(), e.getMessage());
    }
  }
}
