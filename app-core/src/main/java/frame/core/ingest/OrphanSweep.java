package frame.core.ingest;

import frame.core.image.ImageRepository;
import frame.core.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes originals that no image row names: a crash between moving the blob and committing its
 * row leaves one. Only files older than the cutoff are touched, so an ingest in progress (in this
 * or another instance on shared storage) is never swept from under its commit.
 *
 * <p>A crash leaves at most one such file per upload in flight. Many more mean something else:
 * the database was lost, replaced or restored from an older backup, and the files are photos it
 * no longer knows. Those are kept, with a warning: {@code frame restore} adopts them again.
 */
public final class OrphanSweep {
  private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

  private OrphanSweep() {}

  /** More orphans than crashes leave: the catalogue lost them, they are not leftovers. */
  static final int MOST_LEFT_BY_CRASHES = 32;

  public static int run(FileStore store, ImageRepository images, Instant olderThan) {
    Path originals = store.root().resolve("originals");
    if (!Files.isDirectory(originals)) return 0;
    int removed = 0;
    try (Stream<Path> files = Files.walk(originals)) {
      List<Path> orphans = new ArrayList<>();
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String sha256 = dot < 0 ? name : name.substring(0, dot);
        if (Files.getLastModifiedTime(file).toInstant().isAfter(olderThan)) continue;
        if (sha256.length() == 64 && images.findBySha256(sha256).isEmpty()) {
          orphans.add(file);
          if (orphans.size() > MOST_LEFT_BY_CRASHES) {
            log.warn("Storage holds originals that the catalogue does not know (more than {}): kept."
                + " If the database was lost or replaced, 'frame restore' brings them back", MOST_LEFT_BY_CRASHES);
            return 0;
          }
        }
      }
      for (Path orphan : orphans) {
        Files.deleteIfExists(orphan);
        removed++;
      }
    } catch (IOException | RuntimeException e) {
      // most often FRAME closed before the sweep finished (a short command): it runs again next start
      log.debug("Sweeping orphaned originals stopped early: {}", e.getMessage());
    }
    if (removed > 0) log.info("Removed {} original(s) that a crash left without an image", removed);
    return removed;
  }
}
