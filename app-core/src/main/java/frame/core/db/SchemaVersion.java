package frame.core.db;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Refuses a database whose schema a newer FRAME already upgraded. Flyway would ignore such
 * "future" migrations by default, and an older node would then run against tables it does not
 * know (in a studio, the first node upgraded migrates the shared database for all of them).
 */
final class SchemaVersion {
  /**
   * The newest migration this FRAME ships ({@code db/migration/V13__...}; V11 is in {@code db/hsqldb}
   * and {@code db/postgresql}); SchemaVersionTest holds it to the files.
   */
  static final int NEWEST = 13;

  private SchemaVersion() {}

  /**
   * True when the history shows migrations 1 to {@link #NEWEST} applied, and nothing failed or
   * newer: Flyway would find nothing to do, so the start skips it. Flyway parses every script to
   * validate them, a tenth of a second or more of every command on an existing data folder.
   * Anything else (no history yet, a migration missing or failed, a newer one) goes to Flyway.
   */
  static boolean isCurrent(Jdbc jdbc) {
    record Applied(String version, boolean success) {}
    List<Applied> history;
    try {
      // "success" is BIT on HSQLDB and BOOLEAN on PostgreSQL: read it as a boolean, test it here
      history = jdbc.query("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"",
          row -> new Applied(row.getString(1), row.getBoolean(2)));
    } catch (DatabaseException noHistoryYet) {
      return false;
    }
    if (history.stream().anyMatch(row -> !row.success())) return false;
    Set<String> applied = history.stream().map(Applied::version).filter(Objects::nonNull).collect(Collectors.toSet());
    Set<String> shipped = IntStream.rangeClosed(1, NEWEST)
        .mapToObj(Integer::toString).collect(Collectors.toSet());
    return applied.equals(shipped);
  }

  static void refuseNewer(Flyway flyway) {
    MigrationInfo[] all = flyway.info().all();
    String known = Arrays.stream(all).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
            && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
        .map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
    Arrays.stream(all)
        .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
        .reduce((a, b) -> b)
        .ifPresent(newest -> {
          throw new DatabaseException("The database schema is at version " + newest.getVersion()
              + ", newer than this FRAME knows (up to version " + known + "): a newer FRAME has upgraded it."
              + " Upgrade FRAME on this machine before starting it on this database.", null);
        });
  }
}
