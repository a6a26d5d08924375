package frame.core.api.imports;

import frame.core.api.jobs.JobPriority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns what a person dropped or named (files and folders) into the files to import. */
public final class ImportSources {
  /**
   * An import of more files than this (after folders are expanded) is a large one: its photos go
   * at {@link JobPriority#BULK}, behind photos dropped one at a time or a few together, so a photo
   * dropped while an archive goes in still gets its thumbnail at once.
   */
  public static final int LARGE_IMPORT_FILES = 20;

  private ImportSources() {}

  /** The priority of each photo of an import of {@code files} files. */
  public static JobPriority priorityFor(int files) {
    return files > LARGE_IMPORT_FILES ? JobPriority.BULK : JobPriority.FRESH;
  }

  /**
   * Files as given, folders walked recursively in name order; hidden files and {@code .xmp}
   * sidecars (read with the photo they describe) are skipped.
   */
  public static List<Path> expand(List<Path> sources) {
    List<Path> files = new ArrayList<>();
    for (Path source : sources) {
      if (Files.isDirectory(source)) {
        try (Stream<Path> walk = Files.walk(source)) {
          walk.filter(Files::isRegularFile).filter(p -> !isHidden(p) && !isSidecar(p)).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read folder " + source + ": " + e.getMessage(), e);
        }
      } else {
        files.add(source);
      }
    }
    return files;
  }

  private static boolean isSidecar(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xmp");
  }

  private static boolean isHidden(Path file) {
    return file.getFileName().toString().startsWith(".");
  }
}
