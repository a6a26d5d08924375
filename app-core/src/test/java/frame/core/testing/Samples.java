package frame.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real camera and phone files in {@code ../shared/samples} beside the project, found from the
 * folder that holds the parent POM; tests that use them skip when the folder is absent.
 */
public final class Samples {
  private Samples() {}

  /** {@code ../shared/samples/<sub>} relative to the repository root, when it exists. */
  public static Optional<Path> folder(String sub) {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null && !isProjectRoot(dir)) dir = dir.getParent();
    if (dir == null || dir.getParent() == null) return Optional.empty();
    Path samples = dir.getParent().resolve("shared").resolve("samples").resolve(sub);
    return Files.isDirectory(samples) ? Optional.of(samples) : Optional.empty();
  }

  private static boolean isProjectRoot(Path dir) {
    Path pom = dir.resolve("pom.xml");
    try {
      // the parent POM itself, not a module naming it in its <parent> element
      return Files.isRegularFile(pom) && Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "")
          .contains("<artifactId>frame-parent</artifactId>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
