package frame.core.recovery;

import frame.core.api.FrameException;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.catalogue.Recovered;
import frame.core.api.catalogue.RecoveryProgress;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.library.ImageState;
import frame.core.archive.ArchiveModule;
import frame.core.archive.ArchivedPhoto;
import frame.core.archive.RecoverySource;
import frame.core.crash.Failpoints;
import frame.core.event.EventBus;
import frame.core.image.ImageRepository;
import frame.core.job.JobRepository;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rebuilds a library from an archive target alone. Each original is read whole from the target,
 * checked against the SHA-256 its sidecar names (or hashed and read for its facts when there is
 * no sidecar), and put back as a photo in one transaction with its marks, shoot, verified copy
 * and first job; the runner then makes its renditions. An original already recorded on the
 * target is passed over, so a recover run again goes on where it stopped.
 */
public final class LibraryRecovery {
  /** Photos waiting for renditions at once: bounds the room their fetched originals take. */
  static final int WINDOW = 32;

  private final RecoveredRows rows;
  private final ImageRepository images;
  private final FileStore store;
  private final ArchiveModule archive;
  private final EventBus events;
  private final Clock clock;
  private final Runnable wake;
  private final Failpoints failpoints;

  public LibraryRecovery(frame.core.db.Jdbc jdbc, ImageRepository images, JobRepository jobs, FileStore store,
      ArchiveModule archive, EventBus events, Clock clock, Runnable wake, Failpoints failpoints) {
    this.failpoints = failpoints;
    this.rows = new RecoveredRows(jdbc, images, jobs);
    this.images = images;
    this.store = store;
    this.archive = archive;
    this.events = events;
    this.clock = clock;
    this.wake = wake;
  }

  public Recovered recover(NewArchiveTarget wanted, boolean download, Consumer<RecoveryProgress> progress) {
    refuseAForeignLibrary(wanted);
    RecoverySource source = archive.recoverySource(wanted);
    List<String> keys;
    try {
      keys = source.originals();
    } catch (IOException e) {
      throw new FrameException("archive_unreadable", "Cannot list the originals in " + source.where() + ": "
          + e.getMessage(), false);
    }
    Tally tally = new Tally();
    try (RenditionWait wait = new RenditionWait(events, images, rows, archive.originals())) {
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i);
        int read = i;
        wait.untilAtMost(WINDOW, () -> progress.accept(progressOf(read, keys.size(), key)));
        recoverOne(source, key, download, tally, wait);
        progress.accept(progressOf(i + 1, keys.size(), key));
      }
      wait.untilAtMost(0, () -> progress.accept(progressOf(keys.size(), keys.size(), null)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FrameException("interrupted", "The recover was interrupted; run it again to go on", false);
    }
    progress.accept(progressOf(keys.size(), keys.size(), null));
    return new Recovered(source.name(), tally.recovered, tally.alreadyThere, tally.removed,
        rows.count(ImageState.FAILED), tally.unreadable);
  }

  private static final class Tally {
    int recovered;
    int alreadyThere;
    int removed;
    final List<Recovered.Unreadable> unreadable = new ArrayList<>();
  }

  /** Only into an empty library, or one this archive's earlier recover began. */
  private void refuseAForeignLibrary(NewArchiveTarget wanted) {
    long photos = rows.photos();
    if (photos == 0) return;
    long held = archive.photosHeldAt(wanted);
    if (held < photos) {
      throw new FrameException("library_not_empty", "This library already holds " + (photos - held)
          + " photo(s) that are not from this archive: recover into an empty data folder. Nothing was changed.", true);
    }
  }

  private RecoveryProgress progressOf(int read, int files, String current) {
    long photos = rows.photos();
    long rendered = rows.count(ImageState.PROCESSED) + rows.count(ImageState.STORED) + rows.count(ImageState.FAILED);
    return new RecoveryProgress(read, files, current, rendered, photos);
  }

  private void recoverOne(RecoverySource source, String key, boolean download, Tally tally, RenditionWait wait) {
    if (source.recovered(key)) {
      tally.alreadyThere++;
      return;
    }
    RecoverySource.Found sidecar = source.sidecar(key);
    if (sidecar instanceof RecoverySource.Found.Read(ArchivedPhoto photo) && photo.removed()) {
      rows.tombstone(photo.sha256(), photo.originalName(), photo.removedAt());
      tally.removed++;
      return;
    }
    Path part = store.newPartFile();
    try {
      FetchedOriginal fetched;
      try (InputStream in = source.open(key)) {
        fetched = FetchedOriginal.copy(in, part);
      } catch (NoSuchFileException e) {
        tally.unreadable.add(new Recovered.Unreadable(key, "it vanished from the archive while it was read"));
        return;
      } catch (IOException e) {
        tally.unreadable.add(new Recovered.Unreadable(key, "cannot be read: " + e.getMessage()));
        return;
      }
      PhotoFacts facts;
      try {
        facts = PhotoFacts.of(key, sidecar, fetched);
      } catch (PhotoFacts.Unusable e) {
        tally.unreadable.add(new Recovered.Unreadable(key, e.getMessage()));
        return;
      }
      if (images.findBySha256(fetched.sha256()).isPresent()) {
        tally.alreadyThere++; // the same bytes under a second name on the archive: one photo
        return;
      }
      long imageId = place(source, key, facts, fetched, download);
      if (!download) wait.kept(imageId, facts.image().sha256(), facts.image().format());
      tally.recovered++;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep " + key + " in " + store.root() + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException ignored) {
        // swept at the next start
      }
    }
  }

  /** Puts the verified original where the runner finds it, then commits the photo whole. */
  private long place(RecoverySource source, String key, PhotoFacts facts, FetchedOriginal fetched, boolean download)
      throws IOException {
    var image = facts.image();
    if (download) {
      store.moveIntoPlace(fetched.file(), store.original(image.sha256(), image.format()));
    } else {
      archive.originals().keepFetched(image.sha256(), image.format(), fetched.file());
    }
    Instant now = clock.instant();
    long[] ids = rows.jdbc().inTransaction(tx -> {
      long[] made = rows.insert(tx, image, facts.marks(), facts.importedAt(now), now);
      source.recordCopy(tx, made[0], key, fetched.size(), fetched.sha256(), now, !download);
      return made;
    });
    failpoints.reach("recover:committed:" + key);
    events.publish(new FrameEvent.ImageChanged(ids[0], ImageState.INGESTED));
    events.publish(new FrameEvent.JobChanged(ids[1], ids[0], JobType.OFFLOAD_ORIGINAL, JobState.PENDING));
    wake.run();
    return ids[0];
  }
}
