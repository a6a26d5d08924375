package frame.core.db;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Refuses a database whose schema a newer FRAME already upgraded. Flyway would ignore such
 * "future" migrations by default, and an older node would then run against tables it does not
 * know (in a studio, the first node upgraded migrates the shared database for all of them).
 */
final class SchemaVersion {
  private SchemaVersion() {}

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
