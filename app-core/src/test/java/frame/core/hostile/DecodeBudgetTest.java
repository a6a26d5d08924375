package frame.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.api.FrameException;
import frame.core.media.DecodeBudget;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DecodeBudgetTest {
  @Test
  void l3_five_hundred_queued_decodes_never_exceed_the_budget() throws Exception {
    DecodeBudget budget = new DecodeBudget(24, Duration.ofSeconds(30));
    ExecutorService workers = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> decodes = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        decodes.add(workers.submit(() -> budget.run(12_000_000, () -> {
          MessageDigest.getInstance("SHA-256").digest(new byte[256 << 10]); // a little real work under the budget
          return 1;
        })));
      }
      int done = 0;
      for (Future<Integer> decode : decodes) done += decode.get();
      assertThat(done).isEqualTo(500);
    } finally {
      workers.shutdownNow();
    }
    assertThat(budget.mostInFlight()).as("two 12 MP decodes fit a 24 MP budget").isBetween(1, 2);
  }

  @Test
  void a_decode_that_hangs_fails_its_job_instead_of_holding_the_worker() {
    DecodeBudget budget = new DecodeBudget(10, Duration.ofMillis(200));
    CountDownLatch never = new CountDownLatch(1);
    assertThatThrownBy(() -> budget.run(1_000_000, () -> {
      never.await();
      return null;
    })).isInstanceOf(FrameException.class).hasMessageContaining("took longer").matches(e -> ((FrameException) e).permanent());
  }

  @Test
  void an_image_bigger_than_the_whole_budget_still_decodes_alone() {
    DecodeBudget budget = new DecodeBudget(10, Duration.ofSeconds(5));
    assertThat(budget.run(150_000_000, () -> "ok")).isEqualTo("ok");
  }
}
