package frame.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.api.config.FrameConfig;
import frame.core.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes of different versions and nodes starting together, against one schema. */
class SchemaVersionTest {
  @TempDir Path dataDir;

  @Test
  void a_frame_older_than_the_schema_refuses_to_start_and_says_what_to_do() {
    String url = FrameConfig.inDataDir(dataDir).databaseUrl();
    try (Database database = Database.open(url, 2)) {
      // what a newer FRAME's migration leaves in the history
      database.jdbc().update("""
          INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
              "checksum", "installed_by", "execution_time", "success")
          VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'SA', 1, TRUE)
          """);
    }
    assertThatThrownBy(() -> Database.open(url, 2)).isInstanceOf(DatabaseException.class)
        .hasMessageContaining("schema is at version 99, newer than this FRAME knows")
        .hasMessageContaining("Upgrade FRAME on this machine");
  }

  @Test
  void the_newest_version_it_knows_is_the_newest_migration_it_ships() throws Exception {
    assertThat(SchemaVersion.NEWEST).isEqualTo(ShippedMigrations.newest());
  }

  @Test
  void a_data_folder_at_the_newest_schema_is_current_and_one_missing_a_migration_is_not() {
    String url = FrameConfig.inDataDir(dataDir).databaseUrl();
    try (Database database = Database.open(url, 2)) {
      assertThat(SchemaVersion.isCurrent(database.jdbc())).as("just made by this FRAME").isTrue();
      database.jdbc().update("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = ?", "" + SchemaVersion.NEWEST);
      assertThat(SchemaVersion.isCurrent(database.jdbc())).as("the newest migration not applied").isFalse();
      database.jdbc().update("""
          INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
              "checksum", "installed_by", "execution_time", "success")
          VALUES (99, ?, 'failed', 'SQL', 'V7__failed.sql', 0, 'SA', 1, FALSE)
          """, "" + SchemaVersion.NEWEST);
      assertThat(SchemaVersion.isCurrent(database.jdbc())).as("the newest migration failed").isFalse();
    }
  }

  @Test
  void nodes_starting_together_on_an_empty_postgresql_migrate_it_once() throws Exception {
    try (TestPostgres postgres = TestPostgres.create()) {
      int nodes = 4;
      ExecutorService pool = Executors.newFixedThreadPool(nodes);
      List<Database> opened = new ArrayList<>();
      try {
        CyclicBarrier together = new CyclicBarrier(nodes);
        List<Future<Database>> starts = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          starts.add(pool.submit(() -> {
            together.await();
            return Database.open(postgres.url(), TestPostgres.login(), 2);
          }));
        }
        for (Future<Database> start : starts) opened.add(start.get());
        Database any = opened.get(0);
        assertThat(any.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(any.jdbc().queryOne("""
            SELECT COUNT(*) FROM "flyway_schema_history" WHERE "version" = '1' AND "success"
            """, r -> r.getLong(1))).as("each migration applied once").hasValue(1L);
        assertThat(any.jdbc().queryOne("SELECT COUNT(*) FROM frame_node", r -> r.getLong(1))).hasValue(0L);
      } finally {
        opened.forEach(Database::close);
        pool.shutdownNow();
      }
    }
  }
}
