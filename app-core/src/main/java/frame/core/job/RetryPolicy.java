package frame.core.job;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential backoff with jitter: attempt n waits {@code base * factor^(n-1)}, plus up to 25%. */
public record RetryPolicy(Duration base, double factor, DoubleSupplier random) {

  public static RetryPolicy backoff(Duration base, double factor) {
    return new RetryPolicy(base, factor, Math::random);
  }

  public static RetryPolicy standard() {
    return backoff(Duration.ofSeconds(2), 2.0);
  }

  public RetryPolicy {
    if (base.isNegative() || factor < 1.0) throw new IllegalArgumentException("backoff must grow: base >= 0, factor >= 1");
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    double millis = base.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
    double jitter = 1.0 + 0.25 * random.getAsDouble();
    return Duration.ofMillis((long) Math.min(millis * jitter, Duration.ofHours(1).toMillis()));
  }
}
