package frame.core.node;

import frame.core.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether any other node shows events (a window, an event stream, an API node), so that a node
 * sends its events only when someone receives them: a studio of workers alone would otherwise
 * write every job's events into PostgreSQL's notification queue for nobody. A node that shows
 * events holds a shared advisory lock on its listening connection; PostgreSQL drops it with the
 * connection, so a watcher that dies stops counting at once. Senders look at the lock table every
 * few seconds, and at once when a new watcher announces itself.
 */
final class EventWatchers {
  private static final Logger log = LoggerFactory.getLogger(EventWatchers.class);
  /** The advisory lock's two keys: "FRME", then 1 for "shows events". */
  private static final int LOCK_CLASS = 0x46524D45;
  private static final int LOCK_ID = 1;
  private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Jdbc jdbc;
  private volatile boolean othersWatch = true; // until the first look: send, as before
  private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;
  private volatile int ownListener = -1;

  EventWatchers(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** On a listening connection: counts this node as a watcher for as long as the connection lives. */
  void watchOn(Connection listening) throws SQLException {
    try (Statement statement = listening.createStatement()) {
      statement.execute("SELECT pg_advisory_lock_shared(%d, %d)".formatted(LOCK_CLASS, LOCK_ID));
      try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
        pid.next();
        ownListener = pid.getInt(1);
      }
    }
  }

  /** The last answer, without asking: for the event bus's threads. */
  boolean othersWatch() {
    return othersWatch;
  }

  /** A watcher announced itself: send from now on, and look again at the next {@link #refresh}. */
  void mayHaveChanged() {
    othersWatch = true;
    checkedAt = System.nanoTime() - RECHECK_NANOS;
  }

  /** Looks at the lock table when the last look is a few seconds old; on the sender's thread. */
  void refresh() {
    if (System.nanoTime() - checkedAt < RECHECK_NANOS) return;
    checkedAt = System.nanoTime();
    try {
      othersWatch = jdbc.queryOne("""
          SELECT EXISTS (SELECT 1 FROM pg_locks
                         WHERE locktype = 'advisory' AND granted AND objsubid = 2
                           AND classid::bigint = ? AND objid::bigint = ? AND pid <> ?
                           AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
          """, r -> r.getBoolean(1), LOCK_CLASS, LOCK_ID, ownListener).orElse(true);
    } catch (RuntimeException e) {
      log.debug("Could not tell whether other nodes show events; sending them: {}", e.getMessage());
      othersWatch = true;
    }
  }
}
