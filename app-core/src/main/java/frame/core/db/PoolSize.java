package frame.core.db;

/**
 * How many connections the pool may hold, and how many it keeps open even when idle. The pool
 * makes the connections it keeps open in the background, one every 30 ms, and a closing pool
 * waits for that: a short command asks for only what it uses.
 */
public record PoolSize(int max, int keptOpen) {
  public PoolSize {
    if (max < 1 || keptOpen < 0 || keptOpen > max) {
      throw new IllegalArgumentException("Pool of " + max + " keeping " + keptOpen + " open");
    }
  }

  /** A pool that opens all its connections at the start: a process that runs jobs. */
  public static PoolSize filled(int max) {
    return new PoolSize(max, max);
  }

  /** A pool that opens connections as they are asked for, and keeps one. */
  public static PoolSize onDemand(int max) {
    return new PoolSize(max, 1);
  }
}
