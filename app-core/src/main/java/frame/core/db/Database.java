package frame.core.db;

import frame.core.api.config.DatabaseLogin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and schema. For the embedded HSQLDB it applies, at every start, the
 * settings that make commits durable and writers not block readers, and checks that they hold:
 * connection-URL properties are ignored for a database that already exists.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final boolean hsqldb;
  private final Jdbc jdbc;
  private final String url;
  private final DatabaseLogin login;

  private Database(HikariDataSource dataSource, Dialect dialect, String url, DatabaseLogin login) {
    this.dataSource = dataSource;
    this.hsqldb = dialect == Dialect.HSQLDB;
    this.jdbc = new Jdbc(dataSource, dialect);
    this.url = url;
    this.login = login;
  }

  public static Database open(String url, int poolSize) {
    return open(url, DatabaseLogin.NONE, poolSize);
  }

  public static Database open(String url, DatabaseLogin login, int poolSize) {
    return open(url, login, PoolSize.filled(poolSize), null);
  }

  /**
   * Opens with a pool of {@code pool}'s size. A {@code folderLock} is the proof that the caller
   * holds the data folder's lock (null if it does not): no other process can then open an
   * embedded database in that folder, so HSQLDB's own lock file is left off. That file's
   * heartbeat would otherwise keep a restart after kill -9 waiting, and its release sleeps a
   * tenth of a second at every exit.
   */
  public static Database open(String url, DatabaseLogin login, PoolSize pool, DataFolderLock folderLock) {
    Dialect dialect = Dialect.of(url);
    boolean hsqldb = dialect == Dialect.HSQLDB;
    if (hsqldb) refuseDamagedFiles(url);
    boolean createdHere = hsqldb && hasNoFiles(url);
    HikariConfig config = new HikariConfig();
    String lockFile = folderLock != null ? ";hsqldb.lock_file=false" : "";
    config.setJdbcUrl(hsqldb ? url + ";shutdown=false;hsqldb.default_table_type=cached;hsqldb.tx=mvcc" + lockFile : url);
    if (hsqldb) {
      config.setUsername("SA");
      config.setPassword("");
    } else {
      if (login.user() != null) config.setUsername(login.user());
      if (login.password() != null) config.setPassword(login.password());
      // while the server restarts, callers wait a few seconds for a connection, then retry later
      config.setConnectionTimeout(5_000);
    }
    config.setMaximumPoolSize(pool.max());
    config.setMinimumIdle(pool.keptOpen());
    config.setPoolName("frame-db");
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setInitializationFailTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseException("Cannot open the database at " + url + ": " + rootMessage(e), e);
    }
    Database database = new Database(dataSource, dialect, url, login);
    try {
      if (hsqldb) database.applyDurableSettings();
      if (createdHere || !SchemaVersion.isCurrent(database.jdbc)) migrate(dataSource, dialect, createdHere);
      if (hsqldb) database.verifyDurableSettings();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  private static void migrate(DataSource dataSource, Dialect dialect, boolean createdHere) {
    // On PostgreSQL Flyway takes an advisory lock: nodes starting together migrate one at a time.
    Flyway flyway = Flyway.configure().dataSource(dataSource).locations(dialect.migrationLocations()).load();
    // A database this very open creates has no history, so nothing in it can be newer than this
    // FRAME: skip Flyway's separate read of it (a tenth of a second of a cold 'frame import').
    if (!createdHere) SchemaVersion.refuseNewer(flyway);
    flyway.migrate();
  }

  public Jdbc jdbc() {
    return jdbc;
  }

  public boolean isHsqldb() {
    return hsqldb;
  }

  public Dialect dialect() {
    return jdbc.dialect();
  }

  /**
   * A connection of its own, outside the pool, for a session that stays open (LISTEN). The
   * caller closes it.
   */
  public Connection openDedicatedConnection() throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    if (login.user() != null) properties.setProperty("user", login.user());
    if (login.password() != null) properties.setProperty("password", login.password());
    return java.sql.DriverManager.getConnection(url, properties);
  }

  private void applyDurableSettings() {
    execute(
        "SET DATABASE TRANSACTION CONTROL MVCC",
        "SET DATABASE DEFAULT ISOLATION LEVEL READ COMMITTED",
        "SET FILES WRITE DELAY FALSE",
        "SET DATABASE DEFAULT TABLE TYPE CACHED");
  }

  /** Fails the start when HSQLDB did not take the settings that keep commits safe. */
  void verifyDurableSettings() {
    String control = jdbc.queryOne("SELECT TRANSACTION_CONTROL() FROM (VALUES(0))", r -> r.getString(1)).orElse("?");
    String writeDelay = jdbc.queryOne(
        "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = 'hsqldb.write_delay_millis'",
        r -> r.getString(1)).orElse("?");
    if (!"MVCC".equals(control) || !"0".equals(writeDelay)) {
      throw new DatabaseException(
          "Database settings not in force (transaction control " + control + ", write delay " + writeDelay + " ms)", null);
    }
  }

  /**
   * HSQLDB's online backup into {@code folder}: a consistent tar.gz of the database as of the
   * checkpoint it starts with, taken while FRAME goes on reading and writing (NOT BLOCKING).
   */
  public void backupTo(Path folder) {
    if (!hsqldb) throw new DatabaseException("An online backup is taken by FRAME only for its embedded database", null);
    String target = folder.toAbsolutePath().toString().replace("'", "''") + "/";
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("BACKUP DATABASE TO '" + target + "' NOT BLOCKING");
    } catch (SQLException e) {
      throw new DatabaseException("The database backup failed: " + e.getMessage(), e);
    }
  }

  /** The settings in force, for tests and the health report. */
  public String transactionControl() {
    return jdbc.queryOne("SELECT TRANSACTION_CONTROL() FROM (VALUES(0))", r -> r.getString(1)).orElseThrow();
  }

  public long writeDelayMillis() {
    return jdbc.queryOne(
            "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = 'hsqldb.write_delay_millis'",
            r -> Long.parseLong(r.getString(1)))
        .orElseThrow();
  }

  private void execute(String... statements) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) statement.execute(sql);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /**
   * HSQLDB happily creates a fresh, empty database when its script file is missing or unreadable.
   * A data folder that has database files but no readable script is damaged: refuse to start
   * rather than replace the library with an empty one.
   */
  private static void refuseDamagedFiles(String url) {
    Path base = fileBase(url);
    if (base == null) return;
    Path script = sibling(base, ".script");
    Path properties = sibling(base, ".properties");
    Path data = sibling(base, ".data");
    boolean hasAnyFile = Files.exists(properties) || Files.exists(data) || Files.exists(sibling(base, ".log"));
    if (hasAnyFile && !Files.isRegularFile(script) && !Files.exists(sibling(base, ".script.new"))) {
      throw new DatabaseException(
          "The database in " + base.getParent() + " is damaged (" + script.getFileName()
              + " is missing). FRAME will not start and replace it with an empty one; restore it from a backup.",
          null);
    }
  }

  /** True for an embedded file database none of whose files exist yet: opening it creates it. */
  private static boolean hasNoFiles(String url) {
    Path base = fileBase(url);
    if (base == null) return false;
    return java.util.stream.Stream.of(".script", ".script.new", ".properties", ".data", ".log")
        .noneMatch(suffix -> Files.exists(sibling(base, suffix)));
  }

  /**
   * Removes the HSQLDB lock file a killed process left beside an embedded database (an older
   * FRAME, or an {@link #open} without the folder's lock). FRAME itself opens without one, but
   * a leftover would still make any later open that uses it wait ten seconds for its heartbeat
   * to age; the caller holds the data folder's own lock (the OS dropped the dead process's), so
   * no other FRAME can be using these files.
   */
  public static void removeLeftoverLock(String url) {
    Path base = fileBase(url);
    if (base == null) return;
    try {
      if (Files.deleteIfExists(sibling(base, ".lck"))) log.info("Removed the database lock a stopped FRAME left behind");
    } catch (java.io.IOException e) {
      log.warn("Could not remove the leftover database lock {}: {}", sibling(base, ".lck"), e.getMessage());
    }
  }

  /** The path an embedded file database's files share (db/frame of db/frame.script), or null for any other URL. */
  private static Path fileBase(String url) {
    String prefix = "jdbc:hsqldb:file:";
    return url.startsWith(prefix) ? Path.of(url.substring(prefix.length()).split(";")[0]) : null;
  }

  private static Path sibling(Path base, String suffix) {
    return base.resolveSibling(base.getFileName() + suffix);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return root.getMessage();
  }

  @Override
  public void close() {
    if (hsqldb && !dataSource.isClosed()) {
      // A clean SHUTDOWN checkpoints, so the next start has no log to replay.
      try {
        execute("SHUTDOWN");
      } catch (RuntimeException e) {
        log.warn("Database shutdown did not complete: {}", e.getMessage());
      }
    }
    dataSource.close();
  }
}
