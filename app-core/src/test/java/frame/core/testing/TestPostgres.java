package frame.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frame.core.api.config.DatabaseLogin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The real PostgreSQL the tests run against, found only through {@code FRAME_TEST_POSTGRES_URL}
 * (with {@code FRAME_TEST_POSTGRES_USER} and {@code FRAME_TEST_POSTGRES_PASSWORD}); {@code .ci/run}
 * sets them. Each test gets a fresh database of its own, dropped when it closes.
 */
public final class TestPostgres implements AutoCloseable {
  public static final String URL_VARIABLE = "FRAME_TEST_POSTGRES_URL";

  private final String adminUrl;
  private final String name;

  private TestPostgres(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
  }

  public static boolean configured() {
    String url = System.getenv(URL_VARIABLE);
    return url != null && !url.isBlank();
  }

  /** Skips the calling test, saying why, when no PostgreSQL is configured. */
  public static void assumeConfigured() {
    assumeTrue(configured(), "PostgreSQL tests skipped: set " + URL_VARIABLE
        + " (e.g. jdbc:postgresql://127.0.0.1:5432/frame_test) and FRAME_TEST_POSTGRES_USER/_PASSWORD;"
        + " .ci/run does");
  }

  public static DatabaseLogin login() {
    return new DatabaseLogin(System.getenv("FRAME_TEST_POSTGRES_USER"), System.getenv("FRAME_TEST_POSTGRES_PASSWORD"));
  }

  /** Creates an empty database for one test (skipping the test when none is configured). */
  public static TestPostgres create() {
    assumeConfigured();
    String adminUrl = System.getenv(URL_VARIABLE);
    String name = "frame_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    TestPostgres database = new TestPostgres(adminUrl, name);
    database.execute("CREATE DATABASE " + name);
    return database;
  }

  /** The JDBC URL of this test's database (no credentials in it: see {@link #login()}). */
  public String url() {
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
  }

  public String name() {
    return name;
  }

  private void execute(String sql) {
    Properties properties = new Properties();
    DatabaseLogin login = login();
    if (login.user() != null) properties.setProperty("user", login.user());
    if (login.password() != null) properties.setProperty("password", login.password());
    try (Connection connection = DriverManager.getConnection(adminUrl, properties);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + adminUrl + ": " + e.getMessage(), e);
    }
  }

  /**
   * Drops the database. FORCE may not end a server process of another role (an autovacuum worker
   * that just started on it): then it is tried again until that worker is done.
   */
  @Override
  public void close() {
    org.awaitility.Awaitility.await("database " + name + " dropped").atMost(java.time.Duration.ofSeconds(60))
        .pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(200))
        .ignoreExceptionsMatching(e -> String.valueOf(e.getMessage()).contains("pg_signal_backend"))
        .until(() -> {
          execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          return true;
        });
  }
}
