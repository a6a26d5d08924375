package frame.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept per physical connection and reused. The pool hands out a new proxy
 * per transaction and closes its statements with it, and HSQLDB compiles a statement on every
 * prepare: preparing was over half the cost of a job's small updates.
 *
 * <p>A connection the pool retires is closed; its entry is dropped (and its statements closed) the
 * next time a connection is seen for the first time, which is when the pool has opened its
 * replacement. A weak map would not do: each cached statement refers to its connection, so the key
 * never becomes weakly reachable.
 */
final class StatementCache {
  private static final int PER_CONNECTION = 64;

  private final Map<Connection, Map<String, PreparedStatement>> byConnection = new HashMap<>();

  /** The statement for {@code sql} on the physical connection behind {@code pooled}; never close it. */
  PreparedStatement get(Connection pooled, String sql, boolean returnsId) throws SQLException {
    Connection physical = pooled.unwrap(Connection.class);
    Map<String, PreparedStatement> statements = statementsOf(physical);
    String key = returnsId ? "id:" + sql : sql;
    synchronized (statements) {
      PreparedStatement statement = statements.get(key);
      if (statement == null || statement.isClosed()) {
        statement = returnsId ? physical.prepareStatement(sql, new String[] {"id"}) : physical.prepareStatement(sql);
        statements.put(key, statement);
      }
      return statement;
    }
  }

  /** How many connections have statements here: for tests. */
  synchronized int connections() {
    return byConnection.size();
  }

  private synchronized Map<String, PreparedStatement> statementsOf(Connection physical) throws SQLException {
    Map<String, PreparedStatement> statements = byConnection.get(physical);
    if (statements == null) {
      dropClosedConnections();
      statements = lru();
      byConnection.put(physical, statements);
    }
    return statements;
  }

  private void dropClosedConnections() throws SQLException {
    for (Iterator<Map.Entry<Connection, Map<String, PreparedStatement>>> it = byConnection.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Connection, Map<String, PreparedStatement>> entry = it.next();
      if (!entry.getKey().isClosed()) continue;
      synchronized (entry.getValue()) {
        entry.getValue().values().forEach(StatementCache::closeQuietly);
      }
      it.remove();
    }
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // a statement that will not close is dropped all the same
    }
  }

  private static Map<String, PreparedStatement> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
        if (size() <= PER_CONNECTION) return false;
        closeQuietly(eldest.getValue());
        return true;
      }
    };
  }
}
