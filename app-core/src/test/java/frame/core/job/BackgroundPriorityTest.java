package frame.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import frame.core.db.Dialect;
import java.io.IOException;
import java.nio.file.Files;
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
class BackgroundPriorityTest {
  private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");
  @TempDir Path dataDir;

  @Test
  void jobs_run_at_nice_10_and_the_rest_of_frame_keeps_its_priority() throws Exception {
    assumeThat(Files.isReadable(THREAD_STAT)).as("Linux's per-thread stat").isTrue();
    int callerBefore = currentThreadNice();
    List<Integer> seenByJobs = new CopyOnWriteArrayList<>();
    try (RunnerHarness harness = new RunnerHarness(Dialect.HSQLDB, dataDir)) {
      JobRunner runner = harness.runner(Clock.systemUTC(),
          RunnerSettings.defaults(2).withPollInterval(Duration.ofMillis(20)), (job, context) -> {
            seenByJobs.add(currentThreadNice());
            return JobOutcome.completed();
          });
      runner.start();
      harness.enqueue(4, Clock.systemUTC());

      await().atMost(Duration.ofSeconds(20)).until(() -> seenByJobs.size() == 4);
    }
    assertThat(seenByJobs).containsOnly(Math.max(callerBefore, BackgroundPriority.NICE));
    assertThat(currentThreadNice()).as("the thread that enqueued the jobs").isEqualTo(callerBefore);
  }

  /** Field 19 of /proc/thread-self/stat; the name in field 2 may hold spaces, so count after its ')'. */
  private static int currentThreadNice() throws IOException {
    String stat = Files.readString(THREAD_STAT);
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }
}
