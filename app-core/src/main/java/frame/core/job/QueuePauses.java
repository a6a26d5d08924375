package frame.core.job;

import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueState;

import frame.core.db.Jdbc;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The pauses an admin set, kept in {@code queue_pause} (one row per paused type, {@code *} for the
 * whole queue). The runner asks before each claim; the answer is cached briefly, and a pause or
 * resume in this process refreshes it at once. A claim and a pause in this process never overlap,
 * so once {@link #pause} returns no claim can still take a job of that type (one made a moment
 * later by an import included); a pause set by another node is seen within the cache's time.
 */
public final class QueuePauses {
  static final String WHOLE_QUEUE = "*";

  private final Jdbc jdbc;
  private final Duration cacheFor;
  private volatile QueueState cached;
  private volatile long cachedAt;
  private final ReentrantLock claims = new ReentrantLock();

  public QueuePauses(Jdbc jdbc, Duration cacheFor) {
    this.jdbc = jdbc;
    this.cacheFor = cacheFor;
  }

  /** Pauses one type, or the whole queue when {@code type} is null. */
  public QueueState pause(JobType type, Instant now) {
    String key = type == null ? WHOLE_QUEUE : type.name();
    claims.lock(); // a claim under way still reads the old state: the pause waits for it to end
    try {
      jdbc.inTransaction(tx -> {
        tx.update("DELETE FROM queue_pause WHERE job_type = ?", key);
        return tx.update("INSERT INTO queue_pause (job_type, paused_at) VALUES (?, ?)", key, now.toEpochMilli());
      });
      return refresh();
    } finally {
      claims.unlock();
    }
  }

  /** Resumes one type, or everything (the whole queue and every paused type) when {@code type} is null. */
  public QueueState resume(JobType type) {
    if (type == null) {
      jdbc.update("DELETE FROM queue_pause");
    } else {
      jdbc.update("DELETE FROM queue_pause WHERE job_type = ?", type.name());
    }
    return refresh();
  }

  /**
   * The state as the database has it now. Under the claims' lock, as the pause is: a refresh that
   * read the rows just before a pause committed must not write its older state over the pause's
   * (a queue overview beside the pause let claims run on for the cache's time).
   */
  public QueueState refresh() {
    claims.lock();
    try {
      return readState();
    } finally {
      claims.unlock();
    }
  }

  private QueueState readState() {
    List<String> rows = jdbc.query("SELECT job_type FROM queue_pause", r -> r.getString(1));
    Set<JobType> types = EnumSet.noneOf(JobType.class);
    boolean whole = false;
    for (String row : rows) {
      if (WHOLE_QUEUE.equals(row)) {
        whole = true;
      } else {
        types.add(JobType.valueOf(row));
      }
    }
    QueueState state = new QueueState(whole, types);
    cached = state;
    cachedAt = System.nanoTime();
    return state;
  }

  /**
   * Runs one claim with the pauses as they are: at most {@code cacheFor} old, so a pause set by
   * another process is seen soon; one set in this process waits until the claim has ended.
   */
  <T> T claimUnder(Function<QueueState, T> claim) {
    claims.lock();
    try {
      QueueState state = cached;
      if (state == null || System.nanoTime() - cachedAt > cacheFor.toNanos()) state = refresh();
      return claim.apply(state);
    } finally {
      claims.unlock();
    }
  }
}
