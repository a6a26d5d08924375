package frame.core.archive;

import frame.core.api.FrameException;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a photo's original is: the local store, or, once freed, fetched back from a target that
 * holds a verified copy. A fetched original is checked against its SHA-256 on the way in and kept
 * in a cache for {@link #KEPT_FOR}, so the viewer, export and regeneration can use it a while.
 */
public final class Originals {
  private static final Logger log = LoggerFactory.getLogger(Originals.class);
  static final Duration KEPT_FOR = Duration.ofDays(1);

  private final FileStore store;
  private final ArchiveRepository archive;
  private final Targets targets;
  private final Path cache;

  Originals(FileStore store, ArchiveRepository archive, Targets targets) {
    this.store = store;
    this.archive = archive;
    this.targets = targets;
    this.cache = store.root().resolve("fetched-originals");
  }

  /** The original on this computer: the stored one, or a verified copy fetched back. */
  public Path local(Image image) throws IOException {
    Path stored = store.original(image.sha256(), image.format());
    if (Files.isRegularFile(stored)) return stored;
    Path cached = cachedOf(image.sha256(), image.format());
    if (Files.isRegularFile(cached)) return cached;
    if (!archive.isFreed(image.id())) {
      // the path stays in this computer's log; a paired device is told which photo, not where the library is
      log.warn("The stored original of photo {} is missing: {}", image.id(), stored);
      throw new FrameException("original_missing", "The stored original of photo " + image.id()
          + " is missing from this computer, and it was not freed to the archive", true);
    }
    return fetch(image, cached);
  }

  /**
   * Keeps an original already read from a target and checked against its SHA-256 (a recover's)
   * where {@link #local} looks first, so making its renditions does not fetch it a second time.
   */
  public void keepFetched(String sha256, ImageFormat format, Path verified) throws IOException {
    Files.createDirectories(cache);
    Files.move(verified, cachedOf(sha256, format), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Drops a fetched original once it is no longer needed (a recovered photo's renditions are made). */
  public void forgetFetched(String sha256, ImageFormat format) throws IOException {
    Files.deleteIfExists(cachedOf(sha256, format));
  }

  private Path cachedOf(String sha256, ImageFormat format) {
    return cache.resolve(sha256 + "." + format.extension());
  }

  private Path fetch(Image image, Path cached) throws IOException {
    Files.createDirectories(cache);
    sweep();
    StringBuilder tried = new StringBuilder();
    for (ArchiveRepository.StoredCopy copy : archive.storedCopies(image.id())) {
      TargetRecord record = archive.target(copy.targetId()).orElse(null);
      if (record == null) continue;
      Path part = cache.resolve(".part-" + UUID.randomUUID());
      try (InputStream in = targets.of(record).read(copy.key())) {
        Files.copy(in, part);
        ArchiveHandler.Read read;
        try (InputStream again = Files.newInputStream(part)) {
          read = ArchiveHandler.hash(again);
        }
        if (read.sha256().equals(image.sha256())) {
          Files.move(part, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          return cached;
        }
        tried.append("; ").append(record.name()).append(": its copy differs");
      } catch (IOException | RuntimeException e) {
        tried.append("; ").append(record.name()).append(": ").append(e.getMessage());
      } finally {
        Files.deleteIfExists(part);
      }
    }
    throw new FrameException("original_unavailable", "The original of photo " + image.id()
        + " is only in the archive, and no target gave back its exact bytes" + tried
        + ". frame scrub names the copies that are lost; importing the same file again puts the original back", false);
  }

  /** Throws when the local original no longer matches its SHA-256: the photo's trouble, not the target's. */
  void requireIntact(Image image, Path original) throws IOException {
    try (InputStream in = Files.newInputStream(original)) {
      if (!ArchiveHandler.hash(in).sha256().equals(image.sha256())) {
        throw new FrameException("original_damaged", "The local original of photo " + image.id()
            + " no longer matches its SHA-256; run frame scrub to mend it from the archive", true);
      }
    }
  }

  /** Removes fetched originals older than {@link #KEPT_FOR}. */
  void sweep() {
    Instant before = Instant.now().minus(KEPT_FOR);
    try (Stream<Path> files = Files.list(cache)) {
      for (Path file : files.toList()) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
