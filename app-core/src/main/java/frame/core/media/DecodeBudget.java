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
 * Bounds decoding by memory: the decodes running at once need at most the budget's bytes, and a
 * decode that takes longer than the timeout fails the job instead of holding a worker for ever
 * (crafted files make parsers loop; this is the backstop). A whole-image decode whose bytes (bit
 * depth and channels included) are more than the heap can give is refused before it starts, with
 * a reason that names memory; an OutOfMemoryError in a decode is reported the same way, never as a
 * damaged file.
 */
public final class DecodeBudget {
  private static final long MB = 1L << 20;
  /** The share of the heap one decode may take: the rest is the window, the server and other work. */
  private static final double MOST_OF_THE_HEAP = 0.6;

  private final int megabytes;
  private final long heapBytes;
  private final Duration timeout;
  private final Semaphore permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  /** Decodes for the window and the API (a 1:1 view), at their callers' priority. */
  private final ExecutorService decoders = decodeThreads("frame-decode", false);
  /** Decodes for the job workers: as low as theirs, whichever thread made the pool's threads. */
  private final ExecutorService backgroundDecoders = decodeThreads("frame-decode-bg", true);

  /** Room for {@code megapixels} at 8 bytes a pixel, in this JVM's heap. */
  public DecodeBudget(int megapixels, Duration timeout) {
    this(Math.max(1, megapixels) * 8, Runtime.getRuntime().maxMemory(), timeout);
  }

  private DecodeBudget(int megabytes, long heapBytes, Duration timeout) {
    this.megabytes = Math.max(1, megabytes);
    this.heapBytes = heapBytes;
    this.timeout = timeout;
    this.permits = new Semaphore(this.megabytes, true);
  }

  /** Half the heap for decoding at once. */
  public static DecodeBudget forHeap(long maxHeapBytes) {
    return new DecodeBudget((int) Math.max(1, maxHeapBytes / 2 / MB), maxHeapBytes, Duration.ofSeconds(60));
  }

  /**
   * A decode that may scale as it reads (a JPEG at 1/8, a codec's own path): counted at 8 bytes a
   * full-size pixel, at most the whole budget, so it always gets its turn.
   */
  public <T> T run(long pixels, Callable<T> decode) {
    return decode(Math.min(megabytes, Math.max(1, pixels * 8 / MB + 1)), decode);
  }

  /**
   * A decode of the whole image that needs {@code bytes} of memory: refused up front when that is
   * more than the heap can give, otherwise run when the budget has room for it.
   */
  public <T> T runWhole(long bytes, Callable<T> decode) {
    if (bytes > heapBytes * MOST_OF_THE_HEAP) throw notEnoughMemory(bytes);
    return decode(Math.min(megabytes, Math.max(1, bytes / MB + 1)), decode);
  }

  private FrameException notEnoughMemory(long bytes) {
    return new FrameException("not_enough_memory", "This photo needs " + size(bytes)
        + " of memory to decode; FRAME has " + size(heapBytes)
        + ". Start FRAME with more memory (-Xmx) to process it.", true);
  }

  /** 1.7 GB, 512 MB: what a person reads, in the units -Xmx speaks. */
  static String size(long bytes) {
    return bytes >= 1024 * MB ? String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1024.0 * MB))
        : (bytes + MB / 2) / MB + " MB";
  }

  private <T> T decode(long megabytesNeeded, Callable<T> decode) {
    int cost = (int) megabytesNeeded;
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
      } catch (OutOfMemoryError e) {
        // the heap ran out in this decode: what it held is garbage now, and the photo is not damaged
        throw new FrameException("not_enough_memory", "This photo needs more memory to decode than FRAME has free ("
            + size(heapBytes) + " in all). Start FRAME with more memory (-Xmx) to process it.", true, e);
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
