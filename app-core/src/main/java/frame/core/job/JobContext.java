package frame.core.job;

import java.util.concurrent.atomic.AtomicBoolean;

/** What a running handler may ask of the runner. */
public final class JobContext {
  private final AtomicBoolean leaseLost = new AtomicBoolean();

  /** True once another worker may have taken the job over; a long handler may stop early. */
  public boolean leaseLost() {
    return leaseLost.get();
  }

  void markLeaseLost() {
    leaseLost.set(true);
  }
}
