package frame.core.node;

import frame.core.api.nodes.NodeInfo;
import frame.core.api.nodes.NodeState;

import frame.core.db.Jdbc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The node table. Every time in it is the database's clock (its now, in the statement), so a node
 * whose own clock is wrong still beats on time and is judged lost on time.
 */
public final class NodeRegistry {
  /** Rows of nodes gone for longer than this are removed, so the table stays small. */
  private static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final Jdbc jdbc;
  private final String now;

  public NodeRegistry(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.now = jdbc.dialect().nowMillis();
  }

  public void register(String id, String host, long pid, String version, String kind) {
    jdbc.inTransaction(tx -> {
      tx.update("DELETE FROM frame_node WHERE id = ?", id);
      tx.update("""
          INSERT INTO frame_node (id, host, pid, version, kind, started_at, heartbeat_at, running_jobs,
                                  completed_jobs)
          VALUES (?, ?, ?, ?, ?, %1$s, %1$s, 0, 0)
          """.formatted(now), id, host, pid, version, kind);
      return tx.update("DELETE FROM frame_node WHERE heartbeat_at < %s - ?".formatted(now), FORGET_AFTER.toMillis());
    });
  }

  /** Renews this node's heartbeat with what it runs now; false when its row is gone. */
  public boolean beat(String id, int runningJobs, long completedJobs) {
    return jdbc.update("""
        UPDATE frame_node SET heartbeat_at = %s, running_jobs = ?, completed_jobs = ?, stopped_at = NULL
        WHERE id = ?
        """.formatted(now), runningJobs, completedJobs, id) == 1;
  }

  public void stopped(String id, long completedJobs) {
    jdbc.update("""
        UPDATE frame_node SET heartbeat_at = %1$s, stopped_at = %1$s, running_jobs = 0, completed_jobs = ?
        WHERE id = ?
        """.formatted(now), completedJobs, id);
  }

  /** Every node, newest first; one silent for longer than {@code lease} is LOST. */
  public List<NodeInfo> list(Duration lease) {
    return jdbc.query("""
        SELECT id, host, pid, version, kind, started_at, heartbeat_at, running_jobs, completed_jobs,
               CASE WHEN stopped_at IS NOT NULL THEN 'STOPPED'
                    WHEN heartbeat_at < %s - ? THEN 'LOST'
                    ELSE 'ALIVE' END AS node_state
        FROM frame_node ORDER BY started_at DESC, id
        """.formatted(now), r -> new NodeInfo(
            r.getString("id"), r.getString("host"), r.getLong("pid"), r.getString("version"), r.getString("kind"),
            Instant.ofEpochMilli(r.getLong("started_at")), Instant.ofEpochMilli(r.getLong("heartbeat_at")),
            // HSQLDB pads a CASE of string literals to the longest one
            r.getInt("running_jobs"), r.getLong("completed_jobs"), NodeState.valueOf(r.getString("node_state").strip())),
        lease.toMillis());
  }
}
