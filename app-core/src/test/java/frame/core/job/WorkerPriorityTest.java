package frame.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import frame.core.db.Dialect;
import frame.core.scheduling.BackgroundPriority;
import frame.core.testing.ThreadNice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processing yields to receiving and to the window: a job runs on a worker thread at nice 10,
 * while the threads that enqueue it (as an upload's or the window's do) keep their own
 * priority. Read back from Linux's own account of each thread; skipped elsewhere.
 */
class WorkerPriorityTest {
  @TempDir Path dataDir;

  @Test
  void jobs_run_at_nice_10_and_the_rest_of_frame_keeps_its_priority() {
    assumeThat(ThreadNice.readable()).as("Linux's per-thread stat").isTrue();
    int callerBefore = ThreadNice.current();
    List<Integer> seenByJobs = new CopyOnWriteArrayList<>();
    try (RunnerHarness harness = new RunnerHarness(Dialect.HSQLDB, dataDir)) {
      JobRunner runner = harness.runner(Clock.systemUTC(),
          RunnerSettings.defaults(2).withPollInterval(Duration.ofMillis(20)), (job, context) -> {
            seenByJobs.add(ThreadNice.current());
            return JobOutcome.completed();
          });
      runner.start();
      harness.enqueue(4, Clock.systemUTC());

      await().atMost(Duration.ofSeconds(20)).until(() -> seenByJobs.size() == 4);
    }
    assertThat(seenByJobs).containsOnly(Math.max(callerBefore, BackgroundPriority.NICE));
    assertThat(ThreadNice.current()).as("the thread that enqueued the jobs").isEqualTo(callerBefore);
  }
}
