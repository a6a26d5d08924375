package frame.core;

import frame.core.api.bench.Benchmarks;
import frame.core.db.Database;
import frame.core.api.config.DatabaseLogin;
import frame.core.api.library.ImageState;
import frame.core.job.JobRepository;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.job.NewJob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway database on a PostgreSQL server for one benchmark run, created beside the one the
 * URL names (its login needs CREATEDB) and dropped afterwards: a benchmark never touches a
 * studio's real library.
 */
final class ScratchPostgres implements Benchmarks.ScratchDatabase {
  private final String serverUrl;
  private final DatabaseLogin login;
  private final String name;
  private final Database database;

  private ScratchPostgres(String serverUrl, DatabaseLogin login, String name) {
    this.serverUrl = serverUrl;
    this.login = login;
    this.name = name;
    execute("CREATE DATABASE " + name);
    this.database = Database.open(url(), login, 4);
  }

  public static ScratchPostgres create(String serverUrl, DatabaseLogin login) {
    if (!serverUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("The PostgreSQL benchmark needs DATABASE_URL=jdbc:postgresql://HOST:PORT/DB"
          + " (a login that may create databases), not " + serverUrl);
    }
    return new ScratchPostgres(serverUrl, login, "frame_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
  }

  public String url() {
    int slash = serverUrl.lastIndexOf('/');
    int query = serverUrl.indexOf('?', slash);
    return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
  }

  /** Enqueues {@code count} no-op jobs in one transaction and wakes every node (workers through the wake channel). */
  public void enqueueNoops(int count) {
    JobRepository jobs = new JobRepository(database.jdbc());
    database.jdbc().inTransaction(tx -> {
      for (int i = 0; i < count; i++) jobs.enqueue(tx, new NewJob(JobType.NOOP, null, "{}", 3), Clock.systemUTC().instant());
      // delivered at commit, in the nodes' own notification format: "sender, then one event a line"
      tx.query("SELECT pg_notify('frame_events', ?)", r -> 1, "bench\nJ,0,-," + JobType.NOOP + "," + JobState.PENDING);
      tx.query("SELECT pg_notify(?, 'bench')", r -> 1, frame.core.node.ClusterEvents.WAKE); // the workers listen only to this
      return null;
    });
  }

  public long completedJobs() {
    return database.jdbc().queryOne("SELECT COUNT(*) FROM job WHERE state = 'COMPLETED'", r -> r.getLong(1)).orElse(0L);
  }

  /** Each EXISTS walks one partial index (V11) only until its first live row. */
  public boolean anyUnfinished() {
    return database.jdbc().queryOne("""
        SELECT EXISTS (SELECT 1 FROM job WHERE state = 'PENDING') OR EXISTS (SELECT 1 FROM job WHERE state = 'RUNNING')
        """, r -> r.getBoolean(1)).orElse(false);
  }

  public long finishedImages() {
    return database.jdbc().queryOne("SELECT COUNT(*) FROM image WHERE state IN (?, ?, ?)", r -> r.getLong(1),
        ImageState.PROCESSED, ImageState.STORED, ImageState.FAILED).orElse(0L);
  }

  public long aliveNodes() {
    return database.jdbc().queryOne("SELECT COUNT(*) FROM frame_node WHERE stopped_at IS NULL", r -> r.getLong(1))
        .orElse(0L);
  }

  @Override
  public void emptyJobTables() {
    if (anyUnfinished()) throw new IllegalStateException("jobs are still live: the job tables cannot be emptied");
    // new, empty files for both tables and their indexes; waits for the nodes' open transactions
    database.jdbc().update("TRUNCATE job_attempt, job");
  }

  private void execute(String sql) {
    Properties properties = new Properties();
    if (login.user() != null) properties.setProperty("user", login.user());
    if (login.password() != null) properties.setProperty("password", login.password());
    try (Connection connection = DriverManager.getConnection(serverUrl, properties);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** How long a drop is retried while a connection it may not end (autovacuum) holds the database. */
  private static final long DROP_RETRY_NANOS = TimeUnit.SECONDS.toNanos(60);

  @Override
  public void close() {
    database.close();
    // FORCE ends the nodes' connections, but a login without superuser may not end an autovacuum
    // worker, which a long run's hundreds of thousands of jobs start: it ends within seconds, so try again
    long deadline = System.nanoTime() + DROP_RETRY_NANOS;
    while (true) {
      try {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        return;
      } catch (IllegalStateException e) {
        boolean mayNotEnd = e.getCause() instanceof SQLException sql && "42501".equals(sql.getSQLState());
        if (!mayNotEnd || System.nanoTime() > deadline) throw e;
        try {
          Thread.sleep(500);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
