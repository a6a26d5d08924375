package frame.core.job;

import frame.core.api.jobs.Job;
import frame.core.db.Jdbc;
import frame.core.db.Jdbc.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits job results together: whatever has queued up while the last commit was being synced
 * goes into the next transaction. Every commit is still durable (fsync), but one sync now serves
 * many jobs. The completions in a batch are written by one statement for all of them (on
 * PostgreSQL; see {@link LeaseStrategy#completeAll}), before each result's own work. If a batch
 * fails, each result is retried in a transaction of its own, so one bad result never takes the
 * others down with it.
 */
final class GroupCommit implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private static final int MAX_BATCH = 200;

  /** A result's work once its completion (if it has one) is written or refused. */
  interface AfterCompletion<T> {
    T run(Tx tx, boolean completed) throws SQLException;
  }

  /** A result: the job it completes (null for any other ending), then its own work. */
  private record Pending<T>(Job completes, AfterCompletion<T> work, CompletableFuture<T> result) {}

  /** Queued by {@link #close} so that the committer stops now, not at its next poll. */
  private static final Pending<Void> STOP = new Pending<>(null, (tx, completed) -> null, new CompletableFuture<>());

  private final JobRepository jobs;
  private final Jdbc jdbc;
  private final Clock clock;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread committer;
  private volatile boolean open = true;

  GroupCommit(JobRepository jobs, Clock clock) {
    this.jobs = jobs;
    this.jdbc = jobs.jdbc();
    this.clock = clock;
    this.committer = new Thread(this::commitUntilClosed, "frame-group-commit");
    committer.setDaemon(true);
    committer.start();
  }

  /** Queues {@code work}; the future completes once its transaction is committed (or failed). */
  <T> CompletableFuture<T> submit(Jdbc.Work<T> work) {
    return enqueue(new Pending<>(null, (tx, completed) -> work.run(tx), new CompletableFuture<>()));
  }

  /**
   * Queues the completion of {@code job} and the work that follows it, which is told whether the
   * completion was written (false: the lease had been lost, and it must write nothing).
   */
  <T> CompletableFuture<T> submitCompletion(Job job, AfterCompletion<T> work) {
    return enqueue(new Pending<>(job, work, new CompletableFuture<>()));
  }

  private <T> CompletableFuture<T> enqueue(Pending<T> pending) {
    if (!open) {
      runAlone(pending);
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
      results = jdbc.inTransaction(tx -> runAll(tx, batch));
    } catch (Throwable t) {
      log.debug("A batch of {} job results failed together; committing them one by one", batch.size(), t);
      batch.forEach(this::runAlone);
      return;
    }
    for (int i = 0; i < batch.size(); i++) ((CompletableFuture) batch.get(i).result()).complete(results.get(i));
  }

  private List<Object> runAll(Tx tx, List<Pending<?>> batch) throws SQLException {
    List<Job> completions = new ArrayList<>();
    for (Pending<?> pending : batch) {
      if (pending.completes() != null) completions.add(pending.completes());
    }
    Set<Long> completed = jobs.completeAll(tx, completions, clock.instant());
    List<Object> each = new ArrayList<>();
    for (Pending<?> pending : batch) {
      each.add(pending.work().run(tx, pending.completes() != null && completed.contains(pending.completes().id())));
    }
    return each;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void runAlone(Pending<?> pending) {
    try {
      Object result = jdbc.inTransaction(tx -> runAll(tx, List.of(pending)).get(0));
      ((CompletableFuture) pending.result()).complete(result);
    } catch (Throwable t) {
      pending.result().completeExceptionally(t);
    }
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
      if (left != STOP) runAlone(left);
    }
  }
}
