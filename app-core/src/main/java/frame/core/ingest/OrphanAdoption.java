package frame.core.ingest;

import frame.core.image.ImageRepository;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes originals in storage that no image row names back into the library: after a catalogue
 * restore, the photos stored after the backup. Each goes through the ordinary ingest (hash,
 * header, row, jobs), so it is processed like any import; its original name is not known and it
 * is named after its hash.
 */
public final class OrphanAdoption {
  private OrphanAdoption() {}

  /** How many originals became photos again. */
  public static int adopt(FileStore store, ImageRepository images, Ingestor ingestor) {
    int adopted = 0;
    for (Path file : originals(store)) {
      String name = file.getFileName().toString();
      int dot = name.indexOf('.');
      String sha256 = dot < 0 ? name : name.substring(0, dot);
      if (sha256.length() != 64 || images.findBySha256(sha256).isPresent()) continue;
      String shown = "recovered-" + sha256.substring(0, 12) + (dot < 0 ? "" : name.substring(dot));
      try (InputStream in = Files.newInputStream(file)) {
        IngestResult result = ingestor.ingestWithChecksumAfter(in, shown, () -> sha256, JobPriority.BULK);
        if (result instanceof IngestResult.Stored) adopted++;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return adopted;
  }

  /** Every original in storage. */
  static List<Path> originals(FileStore store) {
    Path originals = store.root().resolve("originals");
    if (!Files.isDirectory(originals)) return List.of();
    try (Stream<Path> files = Files.walk(originals)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
