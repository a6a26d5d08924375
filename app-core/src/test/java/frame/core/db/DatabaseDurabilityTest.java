package frame.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import frame.core.Frame;
import frame.core.api.config.FrameConfig;
import frame.core.api.FrameException;
import frame.core.testing.FrameFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseDurabilityTest {
  @TempDir Path dataDir;

  @Test
  void d1_database_created_with_hsqldb_defaults_gets_durable_settings_at_start() throws SQLException {
    String url = FrameConfig.inDataDir(dataDir).databaseUrl();
    try (Connection plain = DriverManager.getConnection(url, "SA", "");
        Statement statement = plain.createStatement()) {
      // the premise: a database HSQLDB created with its defaults is neither MVCC nor fsync-per-commit
      try (var rows = statement.executeQuery("SELECT TRANSACTION_CONTROL() FROM (VALUES(0))")) {
        rows.next();
        assertThat(rows.getString(1)).isEqualTo("LOCKS");
      }
      statement.execute("SHUTDOWN");
    }

    try (Database database = Database.open(url, 2)) {
      assertThat(database.transactionControl()).isEqualTo("MVCC");
      assertThat(database.writeDelayMillis()).isZero();
    }
  }

  @Test
  void d2_second_frame_on_the_same_data_folder_is_refused_naming_the_first_ones_pid() {
    try (Frame first = FrameFixture.open(dataDir)) {
      assertThatThrownBy(() -> FrameFixture.open(dataDir))
          .isInstanceOf(FrameException.class)
          .hasMessageContaining("Data folder in use by another FRAME (pid " + ProcessHandle.current().pid() + ")");
      assertThat(first.ports().library().countIn(null)).as("the first one is unharmed").isZero();
    }
  }

  @Test
  void d3_damaged_database_files_stop_the_start_instead_of_replacing_the_library() throws IOException {
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().library().countIn(null);
    }
    Files.delete(dataDir.resolve("db").resolve("frame.script"));

    assertThatThrownBy(() -> FrameFixture.open(dataDir))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("damaged");
    assertThat(dataDir.resolve("db").resolve("frame.script")).doesNotExist();
  }

  @Test
  void d4_clean_shutdown_leaves_no_log_to_replay() {
    try (Frame frame = FrameFixture.open(dataDir)) {
      frame.ports().library().countIn(null);
    }
    Path log = dataDir.resolve("db").resolve("frame.log");
    assertThat(!Files.exists(log) || sizeOf(log) == 0).isTrue();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
