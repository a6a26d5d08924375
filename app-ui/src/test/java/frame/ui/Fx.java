package frame.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting on the FX thread in window tests: patient limits, for a loaded 2-core machine. */
public final class Fx {
  private Fx() {}

  /** {@code work}'s answer, computed on the FX thread (at most 30 s). */
  public static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
  }

  /** Polls {@code condition} until it holds; fails after 120 s. */
  public static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
  }
}
