package frame.cli;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Newcomer bugs of the command line's start and progress. */
class ServeAndProgressTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void serve_on_a_port_in_use_says_so_in_one_line_suggests_another_and_exits_2() throws IOException {
    try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = other.getLocalPort();

      CommandRun run = CommandRun.of(dataDir, "serve", "--port", String.valueOf(port));

      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines()).as("one line, no stack trace").hasSize(1);
      assertThat(run.err()).contains("Port " + port).contains("already in use")
          .contains("frame serve --port " + (port + 1)).doesNotContain("Exception");
    }
  }

  @Test
  void a_progress_bar_written_to_a_file_shows_a_quick_import_once() {
    write(photos, "a.jpg", jpeg(photo(320, 240, 1)));

    CommandRun run = CommandRun.of(dataDir, "import", photos.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Arrays.stream(run.err().split("\n")).filter(line -> line.contains("files ingested")))
        .as("output is not a terminal here: %s", run.err()).hasSize(1);
  }
}
