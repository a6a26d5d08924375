package frame.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where view-models do slow work (disk, database) and where its results land. The desktop uses
 * worker threads and the FX thread; view-model tests use {@link #sameThread()}.
 */
public interface Background {
  /** Runs {@code work} off the FX thread, then hands its result (or failure) to the FX thread. */
  <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure);

  /** Runs {@code update} on the FX thread (at once when already there). */
  void onFx(Runnable update);

  default void run(Runnable work) {
    run(() -> {
      work.run();
      return null;
    }, ignored -> {}, failure -> {});
  }

  static Background sameThread() {
    return new Background() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        T result;
        try {
          result = work.call();
        } catch (Exception e) {
          onFailure.accept(e);
          return;
        }
        onResult.accept(result);
      }

      @Override
      public void onFx(Runnable update) {
        update.run();
      }
    };
  }
}
