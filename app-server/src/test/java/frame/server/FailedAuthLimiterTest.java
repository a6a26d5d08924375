package frame.server;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.testing.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 27, finding 2: a flood of addresses never unblocks anyone; addresses go by expiry. */
class FailedAuthLimiterTest {
  SettableClock clock = new SettableClock();
  FailedAuthLimiter limiter = new FailedAuthLimiter(2, 4, clock);

  @Test
  void a_flood_of_new_addresses_does_not_unblock_a_blocked_one() {
    limiter.recordFailure("10.0.0.1");
    limiter.recordFailure("10.0.0.1");
    for (int i = 2; i < 50; i++) limiter.recordFailure("10.0.0." + i);

    assertThat(limiter.blocked("10.0.0.1")).isTrue();
    assertThat(limiter.trackedAddresses()).isLessThanOrEqualTo(4);
  }

  @Test
  void addresses_are_forgotten_a_minute_after_their_last_failure() {
    limiter.recordFailure("10.0.0.1");
    limiter.recordFailure("10.0.0.1");
    for (int i = 2; i <= 4; i++) limiter.recordFailure("10.0.0." + i);
    clock.advance(Duration.ofSeconds(61));

    limiter.recordFailure("10.0.0.9");

    assertThat(limiter.blocked("10.0.0.1")).isFalse();
    assertThat(limiter.trackedAddresses()).isEqualTo(1);
  }
}
