package frame.core.archive;

import frame.core.api.archive.FreeReport;
import frame.core.api.FrameException;
import frame.core.api.library.Image;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Frees local space: removes local originals held in at least N verified archive copies.
 * Thumbnails, previews and metadata stay; the original comes back, verified, when it is needed
 * ({@link Originals}). The database says "freed" before the file goes, and only while the copies
 * are still recorded, so no original is ever removed with fewer copies than asked.
 */
final class LocalSpace {
  private final ArchiveRepository archive;
  private final FileStore store;
  private final Clock clock;

  LocalSpace(ArchiveRepository archive, FileStore store, Clock clock) {
    this.archive = archive;
    this.store = store;
    this.clock = clock;
  }

  FreeReport free(int minCopies) {
    if (minCopies < 1) throw new FrameException("bad_request", "--min-copies is at least 1", true);
    int freed = 0;
    long bytes = 0;
    Places places = Places.of(archive.targets());
    for (Image image : archive.freeable(minCopies, places)) {
      if (freeOne(image, minCopies, places)) {
        freed++;
        bytes += image.byteSize();
      }
    }
    return new FreeReport(minCopies, freed, bytes, archive.countLocalWithFewerCopies(minCopies, places));
  }

  /** Frees one photo's original if it has {@code minCopies} verified copies; true if it did. */
  boolean freeOne(Image image, int minCopies) {
    return freeOne(image, minCopies, Places.of(archive.targets()));
  }

  /** Copies count by place: two targets on one folder hold one copy, not the two a free may ask for. */
  private boolean freeOne(Image image, int minCopies, Places places) {
    if (!archive.markFreed(image.id(), minCopies, places, clock.instant())) return false;
    try {
      Files.deleteIfExists(original(image));
      return true;
    } catch (IOException e) {
      archive.markRestored(image.id());
      throw new UncheckedIOException("Could not remove the local original of photo " + image.id(), e);
    }
  }

  boolean hasLocalOriginal(long imageId) {
    return archive.jdbc().queryOne("SELECT * FROM image WHERE id = ?", frame.core.image.ImageRepository::map, imageId)
        .map(image -> Files.isRegularFile(original(image))).orElse(false);
  }

  Path original(Image image) {
    return store.original(image.sha256(), image.format());
  }
}
