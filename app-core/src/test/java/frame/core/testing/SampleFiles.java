package frame.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The project's real sample files ({@code ../shared/samples} beside the repository), found from
 * the working directory by walking up to the folder whose pom.xml is frame-parent. They are not
 * part of the project: callers skip with assumeTrue when {@link #folder} is empty.
 */
public final class SampleFiles {
  private SampleFiles() {}

  /** {@code ../shared/samples/<name>} of the repository, when it exists. */
  public static Optional<Path> folder(String name) {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && contains(pom, "<artifactId>frame-parent</artifactId>")) {
        Path folder = dir.resolve("..").resolve("shared").resolve("samples").resolve(name).normalize();
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The files in a sample folder, by name. */
  public static List<Path> files(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the POM itself (not the parent it names) contains {@code text}. */
  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file).replaceAll("(?s)<parent>.*?</parent>", "").contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
