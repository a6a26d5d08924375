package frame.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/** Work that must run on the JavaFX thread even when asked from another (a test's, a shutdown's). */
final class FxThread {
  private FxThread() {}

  /** Runs {@code work} there and waits for it; a failure in it is thrown here. */
  static void runAndWait(Runnable work) throws InterruptedException {
    if (Platform.isFxApplicationThread()) {
      work.run();
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    try {
      Platform.runLater(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          failure.set(e);
        } finally {
          done.countDown();
        }
      });
    } catch (IllegalStateException toolkitGone) {
      work.run(); // JavaFX has shut down: no pulse is left to race with
      return;
    }
    if (!done.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("The JavaFX thread did not answer in 30 s");
    if (failure.get() != null) throw failure.get();
  }
}
