package frame.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns what a person dropped or named (files and folders) into the files to import. */
public final class ImportSources {
  private ImportSources() {}

  /** Files as given, folders walked recursively in name order; hidden files are skipped. */
  public static List<Path> expand(List<Path> sources) {
    List<Path> files = new ArrayList<>();
    for (Path source : sources) {
      if (Files.isDirectory(source)) {
        try (Stream<Path> walk = Files.walk(source)) {
          walk.filter(Files::isRegularFile).filter(p -> !isHidden(p)).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read folder " + source + ": " + e.getMessage(), e);
        }
      } else {
        files.add(source);
      }
    }
    return files;
  }

  private static boolean isHidden(Path file) {
    return file.getFileName().toString().startsWith(".");
  }
}
