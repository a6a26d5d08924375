package frame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run of the start-up cache ({@code ./frame} runs it under -XX:AOTCacheOutput once
 * per build) is a real import that succeeds, and leaves nothing behind: not in the user's data
 * folder, not in the temp folder.
 */
class AotTrainingCommandTest {
  @TempDir Path dataDir;

  @Test
  void the_training_import_succeeds_and_cleans_up_after_itself() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long trainingFoldersBefore = trainingFolders(tmp);

    CommandRun run = CommandRun.of(dataDir, "aot-training");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).as("the phases ./frame shows on a first run")
        .contains("frame aot-training: generating 4 camera-like photos")
        .contains("frame aot-training: importing them as 'frame import' would");
    try (Stream<Path> left = Files.list(dataDir)) {
      assertThat(left).as("the user's data folder is not touched").isEmpty();
    }
    assertThat(trainingFolders(tmp)).as("its scratch folder is removed").isEqualTo(trainingFoldersBefore);
  }

  private static long trainingFolders(Path tmp) throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("frame-aot-training")).count();
    }
  }
}
