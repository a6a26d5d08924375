package frame.core.db;

/**
 * Which database a URL names. The SQL that differs between them (claims, leases, notifications)
 * lives in classes of its own per dialect; everything else is portable.
 */
public enum Dialect {
  /** Embedded, in this process only: its clock is this JVM's clock. */
  HSQLDB,
  /** Shared by every node of a studio. */
  POSTGRESQL;

  /** The database's own now, as the epoch milliseconds the schema keeps times in, for use inside a statement. */
  public String nowMillis() {
    return switch (this) {
      case HSQLDB -> "UNIX_MILLIS()";
      case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    };
  }

  /**
   * A statement that holds the lock named by its one parameter (a long) until the transaction
   * ends, across every node of the database; none on HSQLDB, which one process has to itself.
   */
  public java.util.Optional<String> transactionLock() {
    return switch (this) {
      case HSQLDB -> java.util.Optional.empty();
      case POSTGRESQL -> java.util.Optional.of("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked");
    };
  }

  /**
   * Where its schema migrations are: the portable ones all databases share, and those only this
   * one can run (PostgreSQL's partial indexes), under {@code db/hsqldb} or {@code db/postgresql}.
   * Each version is in one of the two, or in both dialect folders.
   */
  public String[] migrationLocations() {
    return new String[] {"classpath:db/migration", "classpath:db/" + name().toLowerCase(java.util.Locale.ROOT)};
  }

  public static Dialect of(String url) {
    if (url.startsWith("jdbc:hsqldb:")) return HSQLDB;
    if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
    throw new DatabaseException(
        "Unsupported database URL " + url + ": FRAME runs on its embedded HSQLDB (jdbc:hsqldb:...) or on PostgreSQL"
            + " (jdbc:postgresql://host:5432/frame)", null);
  }
}
