package frame.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary folders a command makes (data folders, outputs) and removes again when it ends. */
public final class ScratchFolders implements AutoCloseable {
  private final List<Path> made = new ArrayList<>();

  public Path make(String prefix) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    made.add(folder);
    return folder;
  }

  @Override
  public void close() {
    for (Path folder : made) {
      try (Stream<Path> walk = Files.walk(folder)) {
        walk.sorted(Comparator.reverseOrder()).forEach(ScratchFolders::delete);
      } catch (IOException | UncheckedIOException e) {
        // a leftover temp folder is not worth failing a finished command for
      }
    }
    made.clear();
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
