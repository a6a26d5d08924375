package frame.core.job;

import java.time.Duration;

/** Sleeps until the poll interval passes or somebody calls {@link #wake()}, whichever is first. */
final class Waiter {
  private boolean woken;
  private volatile boolean waiting;

  synchronized void await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    waiting = true;
    try {
      while (!woken) {
        long left = deadline - System.nanoTime();
        if (left <= 0) break;
        wait(Math.max(1, left / 1_000_000));
      }
    } finally {
      waiting = false;
    }
    woken = false;
  }

  boolean waiting() {
    return waiting;
  }

  synchronized void wake() {
    woken = true;
    notifyAll();
  }
}
