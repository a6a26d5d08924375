package frame.core.media;

import frame.core.api.FrameException;
import frame.core.scheduling.BackgroundPriority;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds decoding: at most {@code megapixels} of images decode at once (each costs about 8 bytes a
 * pixel while it is converted), and a decode that takes longer than the timeout fails the job
 * instead of holding a worker for ever. Crafted files make parsers loop; this is the backstop.
 */
public final class DecodeBudget {
  private final int megapixels;
  private final Duration timeout;
  private final Semaphore permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  /** Decodes for the window and the API (a 1:1 view), at their callers' priority. */
  private final ExecutorService decoders = decodeThreads("frame-decode", false);
  /** Decodes for the job workers: as low as theirs, whichever thread made the pool's threads. */
  private final ExecutorService backgroundDecoders = decodeThreads("frame-decode-bg", true);

  public DecodeBudget(int megapixels, Duration timeout) {
    this.megapixels = Math.max(1, megapixels);
    this.timeout = timeout;
    this.permits = new Semaphore(this.megapixels, true);
  }

  /** Half the heap for pixels, at 8 bytes each; never less than one 50 MP photo at a time. */
  public static DecodeBudget forHeap(long maxHeapBytes) {
    return new DecodeBudget((int) Math.max(50, maxHeapBytes / 2 / 8 / 1_000_000), Duration.ofSeconds(60));
  }

  public <T> T run(long pixels, Callable<T> decode) {
    int cost = (int) Math.min(megapixels, Math.max(1, (pixels + 999_999) / 1_000_000));
    try {
      permits.acquire(cost);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FrameException("interrupted", "Decoding was interrupted", false, e);
    }
    ExecutorService pool = BackgroundPriority.isCurrentThreadLowered() ? backgroundDecoders : decoders;
    Future<T> result = pool.submit(() -> {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        return decode.call();
      } finally {
        inFlight.decrementAndGet();
        permits.release(cost); // only when the decode really ends, so memory accounting stays honest
      }
    });
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new FrameException("decode_timeout", "The image took longer than " + timeout.toSeconds()
          + " s to decode; it is probably damaged", true, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      if (e.getCause() instanceof Error error) throw error;
      throw new FrameException("decode_failed", e.getCause().getMessage(), true, e.getCause());
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new FrameException("interrupted", "Decoding was interrupted", false, e);
    }
  }

  private static ExecutorService decodeThreads(String name, boolean background) {
    return Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(() -> {
        if (background) BackgroundPriority.lowerCurrentThread();
        r.run();
      }, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The most decodes that ever ran at once. */
  public int mostInFlight() {
    return mostInFlight.get();
  }

}
