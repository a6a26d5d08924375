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

  public static Dialect of(String url) {
    if (url.startsWith("jdbc:hsqldb:")) return HSQLDB;
    if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
    throw new DatabaseException(
        "Unsupported database URL " + url + ": FRAME runs on its embedded HSQLDB (jdbc:hsqldb:...) or on PostgreSQL"
            + " (jdbc:postgresql://host:5432/frame)", null);
  }
}
