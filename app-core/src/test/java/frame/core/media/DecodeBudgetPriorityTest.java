package frame.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import frame.core.scheduling.BackgroundPriority;
import frame.core.testing.ThreadNice;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A decode runs at the priority of whoever asked for it: a job worker's at nice 10, a 1:1 view's
 * at the window's, whichever of them made the decode threads first (Linux threads inherit their
 * maker's nice value, and a thread may lower its own but not raise it again).
 */
class DecodeBudgetPriorityTest {
  final DecodeBudget budget = new DecodeBudget(100, Duration.ofSeconds(30));

  @Test
  void a_workers_decode_runs_low_and_the_windows_decode_keeps_the_windows_priority() throws Exception {
    assumeThat(ThreadNice.readable()).as("Linux's per-thread stat").isTrue();
    int normal = ThreadNice.current();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      int forWorker = worker.submit(() -> {
        BackgroundPriority.lowerCurrentThread();
        return budget.run(1_000_000, ThreadNice::current);
      }).get();
      int forWindow = budget.run(1_000_000, ThreadNice::current);

      assertThat(forWorker).isEqualTo(Math.max(normal, BackgroundPriority.NICE));
      assertThat(forWindow).as("made after the worker's, still at the caller's priority").isEqualTo(normal);
    } finally {
      worker.shutdownNow();
    }
  }
}
