package frame.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import frame.core.api.config.FrameConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {
  @TempDir Path dataDir;

  @Test
  void a_retired_connections_statements_are_closed_and_released() throws Exception {
    String url = FrameConfig.inDataDir(dataDir).databaseUrl();
    Database.open(url, 2).close(); // the schema
    StatementCache cache = new StatementCache();
    PreparedStatement old;
    try (Connection retired = DriverManager.getConnection(url, "SA", "")) {
      old = cache.get(retired, "SELECT COUNT(*) FROM job", false);
      assertThat(cache.get(retired, "SELECT COUNT(*) FROM job", false)).as("reused").isSameAs(old);
    } // the pool retires it: closed

    try (Connection replacement = DriverManager.getConnection(url, "SA", "")) {
      PreparedStatement fresh = cache.get(replacement, "SELECT COUNT(*) FROM job", false);

      assertThat(fresh).isNotSameAs(old);
      assertThat(cache.connections()).as("only the live connection is held").isEqualTo(1);
      assertThat(old.isClosed()).isTrue();
    }
  }
}
