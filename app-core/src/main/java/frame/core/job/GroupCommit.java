package frame.core.job;

import java.util.concurrent.TimeUnit;
import frame.core.db.Jdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits job results together: whatever has queued up while the last commit was being synced
 * goes into the next transaction. Every commit is still durable (fsync), but one sync now serves
 * many jobs. If a batch fails, each result is retried in a transaction of its own, so one bad
 * result never takes the others down with it.
 */
final class GroupCommit implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private static final int MAX_BATCH = 200;

  private record Pending<T>(Jdbc.Work<T> work, CompletableFuture<T> result) {
    void runAlone(Jdbc jdbc) {
      try {
        result.complete(jdbc.inTransaction(work));
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }
  }

  /** Queued by {@link #close} so that the committer stops now, not at its next poll. */
  private static final Pending<Void> STOP = new Pending<>(tx -> null, new CompletableFuture<>());

  private final Jdbc jdbc;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread committer;
  private volatile boolean open = true;

  GroupCommit(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.committer = new Thread(this::commitUntilClosed, "frame-group-commit");
    committer.setDaemon(true);
    committer.start();
  }

  /** Queues {@code work}; the future completes once its transaction is committed (or failed). */
  <T> CompletableFuture<T> submit(Jdbc.Work<T> work) {
    Pending<T> pending = new Pending<>(work, new CompletableFuture<>());
    if (!open) {
      pending.runAlone(jdbc);
    } else {
      queue.add(pending);
    }
    return pending.result();
  }

  private void commitUntilClosed() {
    List<Pending<?>> batch = new ArrayList<>();
    while (open || !queue.isEmpty()) {
      try {
        Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        batch.removeIf(pending -> pending == STOP);
        if (!batch.isEmpty()) commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable t) {
        log.error("Group commit failed; will keep running", t);
      } finally {
        batch.clear();
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void commit(List<Pending<?>> batch) {
    List<Object> results;
    try {
      results = jdbc.inTransaction(tx -> {
        List<Object> each = new ArrayList<>();
        for (Pending<?> pending : batch) each.add(pending.work().run(tx));
        return each;
      });
    } catch (Throwable t) {
      log.debug("A batch of {} job results failed together; committing them one by one", batch.size(), t);
      batch.forEach(pending -> pending.runAlone(jdbc));
      return;
    }
    for (int i = 0; i < batch.size(); i++) ((CompletableFuture) batch.get(i).result()).complete(results.get(i));
  }

  /** Commits what is queued, then stops; later submissions commit on the caller's thread. */
  @Override
  public void close() {
    open = false;
    queue.add(STOP);
    try {
      committer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending<?> left;
    while ((left = queue.poll()) != null) {
      if (left != STOP) left.runAlone(jdbc);
    }
  }
}
