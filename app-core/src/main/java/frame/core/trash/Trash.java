package frame.core.trash;

import frame.core.api.trash.RemovalSize;
import frame.core.api.trash.TrashedPhoto;

import frame.core.crash.Failpoints;
import frame.core.db.Jdbc;
import frame.core.api.FrameException;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.image.ImageRepository;
import frame.core.image.StackShown;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import frame.core.api.culling.Tombstone;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removing photos. A removed photo is hidden from every list but keeps its id, rows and files, so
 * a restore brings all of it back. Emptying the trash deletes the rows and queues the files in one
 * transaction, then deletes the files; a crash between the two is finished at the next start.
 */
public final class Trash {
  /** How long a removed photo can be restored before the trash is emptied of it. */
  public static final Duration KEPT_FOR = frame.core.api.Trash.KEPT_FOR;

  private static final Logger log = LoggerFactory.getLogger(Trash.class);

  private final TrashRepository repository;
  private final ImageRepository images;
  private final Jdbc jdbc;
  private final FileStore store;
  private final EventBus events;
  private final Clock clock;
  private final Failpoints failpoints;

  public Trash(Jdbc jdbc, ImageRepository images, FileStore store, EventBus events, Clock clock,
      Failpoints failpoints) {
    this.repository = new TrashRepository(jdbc);
    this.images = images;
    this.jdbc = jdbc;
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.failpoints = failpoints;
  }

  public boolean isRemoved(long imageId) {
    return repository.isRemoved(imageId);
  }

  /** The photos and bytes a removal of these (visible) images would free once the trash is emptied. */
  public RemovalSize sizeOf(Collection<Long> imageIds) {
    List<Image> found = visible(imageIds);
    return new RemovalSize(found.size(), found.stream().mapToLong(this::bytesOnDisk).sum());
  }

  /** Moves photos to the trash, all or none; an unknown or already removed id is an error. */
  public RemovalSize remove(Collection<Long> imageIds) {
    List<Image> found = visible(imageIds);
    Instant now = clock.instant();
    jdbc.inTransaction(tx -> {
      for (Image image : found) repository.markRemoved(tx, image.id(), now);
      StackShown.updateStacksOf(tx, found.stream().map(Image::id).toList()); // a folded stack shows another photo
      failpoints.reach("trash:remove-before-commit");
      return null;
    });
    failpoints.reach("trash:remove-after-commit");
    found.forEach(image -> events.publish(new FrameEvent.ImageChanged(image.id(), image.state())));
    return new RemovalSize(found.size(), found.stream().mapToLong(this::bytesOnDisk).sum());
  }

  /** Brings photos back from the trash with the same id and files; returns how many came back. */
  public int restore(Collection<Long> imageIds) {
    List<Long> restored = jdbc.inTransaction(tx -> {
      List<Long> back = new ArrayList<>();
      for (long id : new LinkedHashSet<>(imageIds)) {
        if (repository.clearRemoved(tx, id)) back.add(id);
      }
      StackShown.updateStacksOf(tx, back);
      return back;
    });
    for (long id : restored) {
      images.find(id).ifPresent(image -> events.publish(new FrameEvent.ImageChanged(id, image.state())));
    }
    return restored.size();
  }

  public List<TrashedPhoto> list() {
    return repository.removed();
  }

  /** Empties the whole trash; returns how many photos were deleted for good. */
  public int empty() {
    return emptyRemovedBefore(Long.MAX_VALUE);
  }

  /** Deletes for good what has been in the trash longer than {@link #KEPT_FOR}. */
  public int emptyExpired() {
    return emptyRemovedBefore(clock.instant().minus(KEPT_FOR).toEpochMilli());
  }

  /**
   * Deletes these photos for good, whether or not they were in the trash (deleting rejects);
   * each leaves a tombstone. Returns how many went.
   */
  public synchronized int deleteForGood(Collection<Long> imageIds) {
    List<Long> notYetRemoved = imageIds.stream().distinct().filter(id -> !isRemoved(id)).toList();
    if (!notYetRemoved.isEmpty()) remove(notYetRemoved);
    return emptyEach(repository.removedAmong(imageIds.stream().distinct().toList()));
  }

  /** Photos deleted for good, newest first. */
  public List<Tombstone> tombstones() {
    return repository.tombstones();
  }

  /** The tombstone of these bytes, if a photo with them was deleted for good. */
  public Optional<Tombstone> tombstone(String sha256) {
    return repository.tombstone(sha256);
  }

  // one emptying at a time in this process: the start-up sweep's and a caller's would walk and
  // delete the same folders at once
  private synchronized int emptyRemovedBefore(long cutoffMillis) {
    return emptyEach(repository.removedBefore(cutoffMillis));
  }

  private synchronized int emptyEach(List<Image> removed) {
    finishPurges();
    int deleted = 0;
    for (Image image : removed) {
      Instant now = clock.instant();
      boolean gone = jdbc.inTransaction(tx -> {
        // a job working on its files right now finishes first; the next emptying takes the photo
        if (repository.hasRunningJob(tx, image.id())) return false;
        boolean rows = repository.deleteRows(tx, image, now);
        failpoints.reach("trash:empty-before-commit");
        return rows;
      });
      if (!gone) continue;
      failpoints.reach("trash:empty-after-commit");
      deleted++;
    }
    finishPurges();
    return deleted;
  }

  /** Deletes the files of photos whose rows are gone; also what a crash left queued. */
  public synchronized int finishPurges() {
    int done = 0;
    for (TrashRepository.Purge purge : repository.purges()) {
      // imported again after its rows went: the files are the new image's now
      if (!repository.imageWithSha256Exists(purge.sha256())) {
        try {
          deleteFiles(purge.sha256(), ImageFormat.valueOf(purge.format()));
        } catch (IOException e) {
          log.warn("Cannot delete the files of an emptied photo yet ({}): {}", purge.sha256(), e.getMessage());
          continue;
        }
      }
      repository.purged(purge.sha256());
      done++;
    }
    return done;
  }

  private void deleteFiles(String sha256, ImageFormat format) throws IOException {
    Path derived = store.derivedDir(sha256);
    if (Files.isDirectory(derived)) {
      try (Stream<Path> files = Files.walk(derived)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
      } catch (UncheckedIOException e) {
        // a file went while the walk listed it (another node emptying too): the purge stays queued
        throw e.getCause();
      }
    }
    Files.deleteIfExists(store.original(sha256, format));
  }

  private List<Image> visible(Collection<Long> imageIds) {
    List<Image> found = new ArrayList<>();
    for (long id : new LinkedHashSet<>(imageIds)) {
      Image image = images.find(id).orElseThrow(() -> FrameException.imageNotFound(id));
      if (repository.isRemoved(id)) throw FrameException.imageNotFound(id);
      found.add(image);
    }
    return found;
  }

  private long bytesOnDisk(Image image) {
    long bytes = size(store.original(image.sha256(), image.format()));
    Path derived = store.derivedDir(image.sha256());
    if (Files.isDirectory(derived)) {
      try (Stream<Path> files = Files.list(derived)) {
        bytes += files.mapToLong(Trash::size).sum();
      } catch (IOException e) {
        // counted without its derived files
      }
    }
    return bytes;
  }

  private static long size(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
