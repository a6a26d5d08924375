package frame.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A view's refresh timer may fire while its window closes: the closed pool drops the work, it does not throw on the FX thread. */
class FxBackgroundTest {
  @Test
  void work_handed_over_after_close_is_dropped_not_thrown() {
    FxBackground background = new FxBackground(1);
    background.close();
    AtomicBoolean ran = new AtomicBoolean();
    assertThatCode(() -> background.run(() -> ran.getAndSet(true), result -> {}, failure -> {})).doesNotThrowAnyException();
    assertThat(ran).isFalse();
  }
}
