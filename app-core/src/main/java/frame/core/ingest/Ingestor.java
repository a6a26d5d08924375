package frame.core.ingest;

import frame.core.api.imports.IngestResult;
import frame.core.crash.Failpoints;
import frame.core.api.FrameException;
import frame.core.db.DatabaseException;
import frame.core.db.Jdbc;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.library.ImageFormat;
import frame.core.image.ImageRepository;
import frame.core.image.ImageRepository.NewImage;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.JobPriority;
import frame.core.job.JobRepository;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.job.NewJob;
import frame.core.job.WorkerShare;
import frame.core.media.ImageHeader;
import frame.core.media.PhotoMetadata;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import frame.core.api.culling.ImportBatch;
import frame.core.api.culling.Tombstone;
import frame.core.culling.MarksRepository;
import frame.core.culling.ShootRepository;
import frame.core.media.XmpMarks;
import frame.core.pipeline.ArchiveSteps;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a photo in: stream to a temp file while hashing, sniff the format, check the declared
 * size against the pixel limit, move the original to its content-addressed place, then commit the
 * image row and its first job together. A crash at any point leaves either nothing or a complete
 * image; a duplicate is never stored twice, except to put back the original of a photo that has no
 * good copy of it left.
 */
public final class Ingestor {
  private static final Logger log = LoggerFactory.getLogger(Ingestor.class);
  private final FileStore store;
  private final ImageRepository images;
  private final JobRepository jobs;
  private final Jdbc jdbc;
  private final EventBus events;
  private final Clock clock;
  private final long maxPixels;
  private final Runnable jobsEnqueued;
  private final WorkerShare share;
  private final Failpoints failpoints;
  private final Function<String, Optional<Tombstone>> tombstones;
  private final ShootRepository shoots;
  private final MarksRepository marks;
  private final LostOriginals lost;
  private final ArchiveSteps archive;

  public Ingestor(FileStore store, ImageRepository images, JobRepository jobs, Jdbc jdbc, EventBus events,
      Clock clock, long maxPixels, Runnable jobsEnqueued, WorkerShare share, Failpoints failpoints,
      Function<String, Optional<Tombstone>> tombstones, ArchiveSteps archive) {
    this.store = store;
    this.images = images;
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.maxPixels = maxPixels;
    this.jobsEnqueued = jobsEnqueued;
    this.share = share;
    this.failpoints = failpoints;
    this.tombstones = tombstones;
    this.shoots = new ShootRepository(jdbc);
    this.marks = new MarksRepository(jdbc);
    this.lost = new LostOriginals(jdbc, store);
    this.archive = archive;
  }

  public IngestResult ingest(Path file) {
    return ingest(file, JobPriority.FRESH);
  }

  /** Ingests a file whose jobs go at {@code priority} (the photos of a large import go behind fresh ones). */
  public IngestResult ingest(Path file, JobPriority priority) {
    return ingest(file, priority, ImportBatch.LOOSE);
  }

  /**
   * Ingests a stream. A {@code declaredSha256} that does not match the bytes throws
   * {@link ChecksumMismatch} and stores nothing; other problems with the file are a
   * {@link IngestResult.Rejected}.
   */
  public IngestResult ingest(InputStream in, String rawName, String declaredSha256) {
    return ingestWithChecksumAfter(in, rawName, () -> declaredSha256);
  }

  /**
   * The same, with the checksum asked for only once the stream has ended: an upload may declare
   * it in a form field after the file.
   */
  public IngestResult ingestWithChecksumAfter(InputStream in, String rawName, Supplier<String> declaredAfterTheBytes) {
    return ingestWithChecksumAfter(in, rawName, declaredAfterTheBytes, JobPriority.FRESH);
  }

  public IngestResult ingestWithChecksumAfter(InputStream in, String rawName, Supplier<String> declaredAfterTheBytes,
      JobPriority priority) {
    return ingestWithChecksumAfter(in, rawName, declaredAfterTheBytes, priority, ImportBatch.LOOSE);
  }

  /** The same, as part of an import {@code batch}: its shoot, and whether deleted photos come back. */
  public IngestResult ingestWithChecksumAfter(InputStream in, String rawName, Supplier<String> declaredAfterTheBytes,
      JobPriority priority, ImportBatch batch) {
    try (WorkerShare.Receiving receiving = share.receiving()) {
      return receive(in, rawName, declaredAfterTheBytes, priority, batch, XmpMarks.NONE);
    }
  }

  /**
   * A file of an import {@code batch}. The marks of an {@code .xmp} sidecar beside it (see
   * {@link XmpMarks#sidecarOf}) go to the new photo over those of its embedded XMP; a sidecar
   * that cannot be read is logged and the photo goes in without it.
   */
  public IngestResult ingest(Path file, JobPriority priority, ImportBatch batch) {
    String name = FileNames.displayName(file.getFileName() == null ? null : file.getFileName().toString());
    XmpMarks sidecar = sidecarMarks(file);
    try (InputStream in = Files.newInputStream(file); WorkerShare.Receiving receiving = share.receiving()) {
      return receive(in, name, () -> null, priority, batch, sidecar);
    } catch (IOException e) {
      return new IngestResult.Rejected(name, "unreadable", "Cannot read the file: " + e.getMessage());
    }
  }

  private static XmpMarks sidecarMarks(Path file) {
    Optional<Path> sidecar = XmpMarks.sidecarOf(file);
    if (sidecar.isEmpty()) return XmpMarks.NONE;
    try {
      return XmpMarks.readSidecar(sidecar.get());
    } catch (IOException | RuntimeException e) {
      log.warn("{}: its sidecar {} cannot be read, imported without its marks ({})", file.getFileName(),
          sidecar.get().getFileName(), e.getMessage());
      return XmpMarks.NONE;
    }
  }

  /**
   * A finished file whose SHA-256 its receiver computed while the bytes arrived, and forced to
   * disk: it is renamed into the store, not read, hashed and copied again. A file on another
   * volume than the store goes through the ordinary ingest (copied, hashed again). What is left of
   * the file afterwards is the caller's to remove, or to try again with.
   */
  public IngestResult ingestHashed(Path file, String rawName, String sha256, JobPriority priority, ImportBatch batch) {
    if (!store.canRenameIn(file)) {
      try (InputStream in = Files.newInputStream(file); WorkerShare.Receiving receiving = share.receiving()) {
        return receive(in, rawName, () -> sha256, priority, batch, XmpMarks.NONE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
      }
    }
    String name = FileNames.displayName(rawName);
    try (WorkerShare.Receiving receiving = share.receiving()) {
      return place(file, HashingCopy.Copied.of(file, sha256.toLowerCase(Locale.ROOT)), name, priority, batch,
          XmpMarks.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store " + name + ": " + e.getMessage(), e);
    }
  }

  private IngestResult receive(InputStream in, String rawName, Supplier<String> declaredAfterTheBytes,
      JobPriority priority, ImportBatch batch, XmpMarks sidecar) {
    String name = FileNames.displayName(rawName);
    Path part = store.newPartFile();
    try {
      HashingCopy.Copied copied = HashingCopy.copy(in, part);
      String declaredSha256 = declaredAfterTheBytes.get();
      if (declaredSha256 != null && !declaredSha256.toLowerCase(Locale.ROOT).equals(copied.sha256())) {
        throw new ChecksumMismatch(declaredSha256, copied.sha256());
      }
      return place(part, copied, name, priority, batch, sidecar);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store " + name + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(part);
    }
  }

  /** Dedupe, format, pixel limit, then the rename into its content address and the commit. */
  private IngestResult place(Path part, HashingCopy.Copied copied, String name, JobPriority priority,
      ImportBatch batch, XmpMarks sidecar) throws IOException {
    try {
      Optional<Image> existing = images.findBySha256(copied.sha256());
      if (existing.isPresent()) {
        if (lost.isLost(existing.get())) return restore(part, name, existing.get());
        return new IngestResult.Duplicate(name, existing.get());
      }
      if (!batch.includeDeleted()) {
        Optional<Tombstone> deleted = tombstones.apply(copied.sha256());
        if (deleted.isPresent()) return new IngestResult.Skipped(name, deleted.get().deletedAt());
      }
      if (copied.size() == 0) throw FrameException.emptyFile();
      ImageFormat format = FormatSniffer.sniff(part, copied.head(), copied.headLength());
      ImageHeader header = ImageHeader.read(part, format).requireAtMost(maxPixels);
      PhotoMetadata.Basics basics = PhotoMetadata.basics(part, format);
      store.moveIntoPlace(part, store.original(copied.sha256(), format));
      failpoints.reach("ingest:after-blob-move");
      NewImage image = new NewImage(copied.sha256(), format, header.width(), header.height(), copied.size(), name,
          basics.takenAt(), basics.cameraMake(), basics.cameraModel());
      return commit(name, image, priority, batch, basics.marks().overriddenBy(sidecar));
    } catch (FrameException e) {
      if (!e.permanent()) throw e;
      return new IngestResult.Rejected(name, e.code(), e.getMessage());
    }
  }

  private IngestResult commit(String name, NewImage image, JobPriority priority, ImportBatch batch, XmpMarks marks) {
    Instant now = clock.instant();
    long[] ids;
    try {
      ids = jdbc.inTransaction(tx -> {
        long imageId = images.insert(tx, image, now);
        if (!marks.isEmpty()) this.marks.apply(tx, imageId, marks.change(), now);
        if (batch.shootName() != null) {
          long shootId = shoots.idFor(tx, batch.shootName(), batch.source(), now);
          tx.update("UPDATE image SET shoot_id = ? WHERE id = ?", shootId, imageId);
        }
        // brought back on purpose: it is in the library again, and its next deletion leaves a new tombstone
        if (batch.includeDeleted()) tx.update("DELETE FROM tombstone WHERE sha256 = ?", image.sha256());
        long jobId = jobs.enqueue(tx, NewJob.forImage(JobType.OFFLOAD_ORIGINAL, imageId, priority), now);
        return new long[] {imageId, jobId};
      });
    } catch (DatabaseException e) {
      // Another upload of the same bytes committed first: answer with its image.
      if (e.isUniqueViolation()) {
        return images.findBySha256(image.sha256())
            .<IngestResult>map(existing -> new IngestResult.Duplicate(name, existing))
            .orElseThrow(() -> e);
      }
      throw e;
    }
    failpoints.reach("ingest:after-commit");
    events.publish(new FrameEvent.ImageChanged(ids[0], ImageState.INGESTED));
    events.publish(new FrameEvent.JobChanged(ids[1], ids[0], JobType.OFFLOAD_ORIGINAL, JobState.PENDING));
    jobsEnqueued.run();
    return new IngestResult.Stored(name, images.find(ids[0]).orElseThrow());
  }

  /**
   * Puts the incoming bytes, which hash to the photo's SHA-256, back as its stored original, then
   * queues its archive copies as a new photo's are queued.
   */
  private IngestResult restore(Path part, String name, Image image) throws IOException {
    store.replaceWithVerified(part, store.original(image.sha256(), image.format()));
    Instant now = clock.instant();
    List<FrameEvent> published = new ArrayList<>();
    jdbc.inTransaction(tx -> {
      images.lock(tx, image.id(), now);
      tx.update("UPDATE image SET original_damaged_at = NULL, original_freed_at = NULL WHERE id = ?", image.id());
      archive.processed(tx, image.id(), now, published);
      return null;
    });
    Image restored = images.find(image.id()).orElseThrow(() -> new FrameException("image_not_found",
        "Photo " + image.id() + " was deleted for good while its original was being put back", true));
    // the window and the pages read the photo again: its original is there to open now
    published.add(new FrameEvent.ImageChanged(restored.id(), restored.state()));
    published.forEach(events::publish);
    jobsEnqueued.run();
    log.info("{}: restored the original of image {}, which had no good copy left", name, image.id());
    return new IngestResult.Restored(name, restored);
  }

  private static void deleteQuietly(Path part) {
    try {
      Files.deleteIfExists(part);
    } catch (IOException ignored) {
      // swept at the next start
    }
  }
}
