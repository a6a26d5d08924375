package frame.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Receiving photos goes first: while one is being received, a quarter of the workers (at least
 * one) start jobs; the moment the last one is in, all of them do. Real threads, as the runner's.
 */
class WorkerShareTest {
  final WorkerShare share = new WorkerShare(4);
  final AtomicInteger started = new AtomicInteger();
  final CountDownLatch finish = new CountDownLatch(1);

  @Test
  void while_a_photo_is_received_one_worker_of_four_starts_then_all_do() throws Exception {
    WorkerShare.Receiving receiving = share.receiving();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) workers.add(Thread.ofPlatform().start(this::work));

    await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 1);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);

    receiving.close();
    receiving.close(); // closing twice counts once
    await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 4);
    finish.countDown();
    for (Thread worker : workers) worker.join(10_000);
  }

  @Test
  void a_stopping_runner_lets_every_waiting_worker_go() throws Exception {
    share.receiving();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < 3; i++) workers.add(Thread.ofPlatform().start(this::work));
    await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 1);
    share.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 3);
    finish.countDown();
    for (Thread worker : workers) worker.join(10_000);
  }

  private void work() {
    try {
      share.enter();
      started.incrementAndGet();
      finish.await();
      share.leave();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
