package frame.ui;

import frame.ui.common.Background;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work on a small pool of daemon threads; results back on the FX thread. */
public final class FxBackground implements Background, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FxBackground.class);

  private final ExecutorService pool;

  public FxBackground(int threads) {
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "frame-ui-work");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
    // a view's refresh timer may still fire while the window closes: after close there is nothing to update
    if (pool.isShutdown()) return;
    try {
      execute(work, onResult, onFailure);
    } catch (RejectedExecutionException closedMeanwhile) {
      // the same, closed between the check and the hand-over
    }
  }

  private <T> void execute(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
    pool.execute(() -> {
      try {
        T result = work.call();
        onFx(() -> onResult.accept(result));
      } catch (Throwable t) {
        log.warn("Background work failed", t);
        onFx(() -> onFailure.accept(t));
      }
    });
  }

  @Override
  public void onFx(Runnable update) {
    if (Platform.isFxApplicationThread()) update.run();
    else Platform.runLater(update);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
