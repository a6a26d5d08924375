package frame.cli;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user runs, in a process of its own: {@code frame import} on a new data folder, through
 * ServerMain (only the import command built, the warm-up thread beside it, the database created).
 */
class ColdImportProcessTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void a_fresh_import_process_on_a_new_data_folder_processes_every_photo_and_exits_zero() throws Exception {
    write(photos, "a.jpg", jpeg(photo(1600, 1200, 1)));
    write(photos, "b.jpg", jpeg(photo(1200, 1600, 2)));

    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "frame.cli.ServerMain",
        "--data-dir", dataDir.toString(), "import", photos.toString()))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("processed   2").contains("failed      0");
    assertThat(dataDir.resolve("db")).isDirectory();
  }
}
