package frame.core.db;

import frame.core.api.config.DatabaseLogin;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.config.FrameConfig;
import frame.core.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brand-new database (created by the open itself, its history not read first) ends at exactly
 * the schema of one an earlier FRAME made and this one upgraded, and opens again as it is.
 */
class FreshAndUpgradedSchemaTest {
  @TempDir Path freshDir;
  @TempDir Path olderDir;

  @Test
  void a_new_data_folder_and_an_upgraded_one_end_at_the_same_schema_on_hsqldb() {
    String fresh = FrameConfig.inDataDir(freshDir).databaseUrl();
    String older = FrameConfig.inDataDir(olderDir).databaseUrl();
    Flyway.configure().dataSource(older, "SA", "").locations("classpath:db/migration").target("1").load().migrate();

    List<String> freshSchema = schemaAfterOpening(fresh, DatabaseLogin.NONE);

    assertThat(schemaAfterOpening(older, DatabaseLogin.NONE)).isEqualTo(freshSchema);
    assertThat(schemaAfterOpening(fresh, DatabaseLogin.NONE)).as("the new one opens again, unchanged").isEqualTo(freshSchema);
    assertThat(freshSchema).anyMatch(line -> line.startsWith("version 7 "));
  }

  @Test
  void a_new_database_and_an_upgraded_one_end_at_the_same_schema_on_postgresql() {
    try (TestPostgres fresh = TestPostgres.create(); TestPostgres older = TestPostgres.create()) {
      Flyway.configure().dataSource(older.url(), TestPostgres.login().user(), TestPostgres.login().password())
          .locations("classpath:db/migration").target("1").load().migrate();

      List<String> freshSchema = schemaAfterOpening(fresh.url(), TestPostgres.login());

      assertThat(schemaAfterOpening(older.url(), TestPostgres.login())).isEqualTo(freshSchema);
      assertThat(schemaAfterOpening(fresh.url(), TestPostgres.login())).isEqualTo(freshSchema);
      // V11 (PostgreSQL's own): the claim and the reaper read indexes of live jobs only
      assertThat(freshSchema).anyMatch(line -> line.startsWith("index job_due_idx ") && line.contains("'PENDING'"))
          .anyMatch(line -> line.startsWith("index job_lease_idx ") && line.contains("'RUNNING'"))
          .anyMatch(line -> line.startsWith("table job_attempt ") && line.contains("fillfactor=70"));
    }
  }

  /**
   * Every column of every table (on PostgreSQL every index and table option too), then every
   * migration applied, as lines to compare.
   */
  private static List<String> schemaAfterOpening(String url, DatabaseLogin login) {
    try (Database database = Database.open(url, login, 2)) {
      List<String> lines = new java.util.ArrayList<>(database.jdbc().query("""
          SELECT LOWER(table_name) AS t, LOWER(column_name) AS c, LOWER(data_type) AS d, is_nullable AS n
          FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA ORDER BY 1, 2
          """, r -> r.getString("t") + "." + r.getString("c") + " " + r.getString("d") + " " + r.getString("n")));
      if (database.dialect() == Dialect.POSTGRESQL) {
        lines.addAll(database.jdbc().query("""
            SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = CURRENT_SCHEMA ORDER BY 1
            """, r -> "index " + r.getString(1) + " " + r.getString(2)));
        lines.addAll(database.jdbc().query("""
            SELECT relname, reloptions FROM pg_class
            WHERE relnamespace = CURRENT_SCHEMA::regnamespace AND reloptions IS NOT NULL ORDER BY 1
            """, r -> "table " + r.getString(1) + " " + r.getString(2)));
      }
      lines.addAll(database.jdbc().query("""
          SELECT "version", "description", "checksum", "success" FROM "flyway_schema_history"
          WHERE "version" IS NOT NULL ORDER BY "installed_rank"
          """, r -> "version " + r.getString(1) + " " + r.getString(2) + " " + r.getInt(3) + " " + r.getBoolean(4)));
      return lines;
    }
  }
}
