package frame.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueState;
import frame.core.db.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pause in this process holds every claim after it: one under way finishes first, on the old state. */
class QueuePausesTest {
  @TempDir Path dataDir;

  @Test
  void a_pause_waits_for_the_claim_under_way_and_every_claim_after_it_sees_the_pause() throws Exception {
    // threads of their own: the common pool may have a single thread on a small machine
    try (RunnerHarness harness = new RunnerHarness(Dialect.HSQLDB, dataDir);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      // a long cache: only the pause's own refresh can make a claim see it
      QueuePauses pauses = new QueuePauses(harness.database.jdbc(), Duration.ofHours(1));
      CountDownLatch claiming = new CountDownLatch(1);
      CountDownLatch claimDone = new CountDownLatch(1);
      CompletableFuture<QueueState> underWay = CompletableFuture.supplyAsync(() -> pauses.claimUnder(state -> {
        claiming.countDown();
        awaitQuietly(claimDone);
        return state;
      }), threads);
      assertThat(claiming.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<QueueState> pause = CompletableFuture.supplyAsync(() -> pauses.pause(JobType.NOOP, Instant.now()), threads);

      // the runner's claim read the state before the pause: the pause must not return meanwhile,
      // or a job an import makes right after it could still be claimed with that old state
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !pause.isDone());
      claimDone.countDown();
      assertThat(underWay.get(10, TimeUnit.SECONDS).paused(JobType.NOOP)).isFalse();
      assertThat(pause.get(10, TimeUnit.SECONDS).paused(JobType.NOOP)).isTrue();
      QueueState next = pauses.claimUnder(state -> state);
      assertThat(next.paused(JobType.NOOP)).isTrue();
      assertThat(next.paused(JobType.THUMBNAIL_GENERATION)).isFalse();
    }
  }

  @Test
  void a_refresh_running_beside_the_pause_never_puts_the_old_state_back() throws Exception {
    try (RunnerHarness harness = new RunnerHarness(Dialect.HSQLDB, dataDir);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      QueuePauses pauses = new QueuePauses(harness.database.jdbc(), Duration.ofHours(1));
      // what the queue overview does whenever a window, a page or a script looks at the queue
      java.util.concurrent.atomic.AtomicBoolean looking = new java.util.concurrent.atomic.AtomicBoolean(true);
      CompletableFuture<Void> overviews = CompletableFuture.runAsync(() -> {
        while (looking.get()) pauses.refresh();
      }, threads);
      try {
        for (int round = 0; round < 1000; round++) {
          pauses.resume(null);
          pauses.pause(JobType.NOOP, Instant.now());
          assertThat(pauses.claimUnder(state -> state).paused(JobType.NOOP)).as("a claim after pause %d", round).isTrue();
        }
      } finally {
        looking.set(false);
        overviews.get(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
