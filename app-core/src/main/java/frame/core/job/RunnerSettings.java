package frame.core.job;

import java.time.Duration;

/** How the runner polls and leases. Defaults: 5 jobs a batch, 5 s poll, 30 s lease, 10 s heartbeat. */
public record RunnerSettings(
    int workers, int batchSize, Duration pollInterval, Duration lease, Duration heartbeat,
    Duration shutdownGrace, RetryPolicy retry) {

  public RunnerSettings {
    if (workers < 1 || batchSize < 1) throw new IllegalArgumentException("workers and batch size must be positive");
    if (heartbeat.compareTo(lease) >= 0) throw new IllegalArgumentException("heartbeat must be shorter than the lease");
  }

  public static RunnerSettings defaults(int workers) {
    return new RunnerSettings(workers, 5, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10),
        Duration.ofSeconds(10), RetryPolicy.standard());
  }

  public RunnerSettings withBatchSize(int size) {
    return new RunnerSettings(workers, size, pollInterval, lease, heartbeat, shutdownGrace, retry);
  }

  public RunnerSettings withPollInterval(Duration interval) {
    return new RunnerSettings(workers, batchSize, interval, lease, heartbeat, shutdownGrace, retry);
  }

  public RunnerSettings withLease(Duration length, Duration beat) {
    return new RunnerSettings(workers, batchSize, pollInterval, length, beat, shutdownGrace, retry);
  }

  public RunnerSettings withRetry(RetryPolicy policy) {
    return new RunnerSettings(workers, batchSize, pollInterval, lease, heartbeat, shutdownGrace, policy);
  }
}
