package frame.core.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real data source that records every SQL statement executed through it, to prove how many
 * queries an operation costs. Each connection it hands out is its own wrapper, so a statement
 * cache keyed by connection prepares (and this class sees) every statement afresh.
 */
public final class CountingDataSource implements DataSource {
  private final DataSource real;
  private final List<String> executed = new CopyOnWriteArrayList<>();

  public CountingDataSource(DataSource real) {
    this.real = real;
  }

  /** The SQL of every statement executed so far, in order. */
  public List<String> executed() {
    return List.copyOf(executed);
  }

  public void reset() {
    executed.clear();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(real.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return connection(real.getConnection(user, password));
  }

  private Connection connection(Connection connection) {
    Connection[] self = new Connection[1];
    InvocationHandler handler = (proxy, method, args) -> {
      switch (method.getName()) {
        case "unwrap" -> {
          if (args[0] == Connection.class) return self[0];
        }
        case "prepareStatement" -> {
          return statement((PreparedStatement) invoke(connection, method, args), (String) args[0]);
        }
        case "createStatement" -> {
          return plainStatement((Statement) invoke(connection, method, args));
        }
        default -> { }
      }
      return invoke(connection, method, args);
    };
    self[0] = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        handler);
    return self[0];
  }

  private PreparedStatement statement(PreparedStatement statement, String sql) {
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("execute") && (args == null || args.length == 0)) executed.add(sql);
          return invoke(statement, method, args);
        });
  }

  private Statement plainStatement(Statement statement) {
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) executed.add(sql);
          return invoke(statement, method, args);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("frame");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return real.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return real.isWrapperFor(type);
  }
}
