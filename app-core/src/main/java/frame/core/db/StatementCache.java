package frame.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per physical connection and reused. The pool hands out a new proxy
 * per transaction and closes its statements with it, and HSQLDB compiles a statement on every
 * prepare: preparing was over half the cost of a job's small updates. A connection the pool
 * retires drops out of the weak map with its statements.
 */
final class StatementCache {
  private static final int PER_CONNECTION = 64;

  private final Map<Connection, Map<String, PreparedStatement>> byConnection =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The statement for {@code sql} on the physical connection behind {@code pooled}; never close it. */
  PreparedStatement get(Connection pooled, String sql, boolean returnsId) throws SQLException {
    Connection physical = pooled.unwrap(Connection.class);
    Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(physical, c -> lru());
    String key = returnsId ? "id:" + sql : sql;
    PreparedStatement statement = statements.get(key);
    if (statement == null || statement.isClosed()) {
      statement = returnsId ? physical.prepareStatement(sql, new String[] {"id"}) : physical.prepareStatement(sql);
      statements.put(key, statement);
    }
    return statement;
  }

  private static Map<String, PreparedStatement> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
        if (size() <= PER_CONNECTION) return false;
        try {
          eldest.getValue().close();
        } catch (SQLException e) {
          // a statement that will not close is dropped all the same
        }
        return true;
      }
    };
  }
}
