package frame.core.api.config;

import frame.core.api.config.ConfigLoader;
import frame.core.api.config.FrameConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dataDir;

  @Test
  void defaults_put_storage_and_an_embedded_database_in_the_data_folder() {
    FrameConfig config = ConfigLoader.from(Map.of("FRAME_HOME", dataDir.toString())).load();

    assertThat(config.storageDir()).isEqualTo(dataDir.resolve("storage"));
    assertThat(config.databaseUrl()).startsWith("jdbc:hsqldb:file:").contains(dataDir.toString());
    assertThat(config.batchSize()).isEqualTo(5);
    assertThat(config.pollInterval()).hasSeconds(5);
    assertThat(config.lan()).isFalse();
  }

  @Test
  void flag_beats_environment_beats_config_file() throws IOException {
    Files.writeString(dataDir.resolve("frame.properties"), "workers=3\nport=9000\nbatch.size=7\n");
    Map<String, String> env = Map.of("FRAME_HOME", dataDir.toString(), "FRAME_PORT", "9100", "FRAME_WORKERS", "4");

    FrameConfig config = ConfigLoader.from(env).flag("FRAME_WORKERS", 6).load();

    assertThat(config.workers()).as("flag").isEqualTo(6);
    assertThat(config.port()).as("environment").isEqualTo(9100);
    assertThat(config.batchSize()).as("file").isEqualTo(7);
  }

  @Test
  void seed_names_storage_dir_and_database_url_are_honoured() {
    Map<String, String> env = Map.of("FRAME_HOME", dataDir.toString(), "STORAGE_DIR", dataDir.resolve("s").toString(),
        "DATABASE_URL", "jdbc:postgresql://db/frame");

    FrameConfig config = ConfigLoader.from(env).load();

    assertThat(config.storageDir()).isEqualTo(dataDir.resolve("s"));
    assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://db/frame");
    assertThat(config.embeddedDatabase()).isFalse();
  }

  @Test
  void nonsense_numbers_are_refused_with_the_setting_named() {
    assertThatThrownBy(() -> ConfigLoader.from(Map.of("FRAME_HOME", dataDir.toString(), "FRAME_WORKERS", "lots")).load())
        .hasMessageContaining("FRAME_WORKERS");
  }

  @Test
  void data_folder_follows_each_platforms_convention() {
    Path home = Path.of("home");
    assertThat(DataDirs.defaultFor(Map.of(), "Linux", home)).isEqualTo(home.resolve(".local/share/frame"));
    assertThat(DataDirs.defaultFor(Map.of("XDG_DATA_HOME", "x"), "Linux", home)).isEqualTo(Path.of("x/frame"));
    assertThat(DataDirs.defaultFor(Map.of(), "Mac OS X", home)).isEqualTo(home.resolve("Library/Application Support/FRAME"));
    assertThat(DataDirs.defaultFor(Map.of("LOCALAPPDATA", "L"), "Windows 11", home)).isEqualTo(Path.of("L/FRAME"));
  }

  @Test
  void only_a_database_inside_this_process_counts_as_embedded() {
    FrameConfig folder = FrameConfig.inDataDir(Path.of("photos"));
    assertThat(folder.embeddedDatabase()).isTrue();
    assertThat(withUrl(folder, "jdbc:hsqldb:mem:frame").embeddedDatabase()).isTrue();
    // a server is shared: start-up must not take back the live jobs of the other instances on it
    assertThat(withUrl(folder, "jdbc:hsqldb:hsql://nas.local:9001/frame").embeddedDatabase()).isFalse();
    assertThat(withUrl(folder, "jdbc:postgresql://db/frame").embeddedDatabase()).isFalse();
  }

  private static FrameConfig withUrl(FrameConfig c, String url) {
    return c.withDatabase(url, c.databaseLogin());
  }
}
