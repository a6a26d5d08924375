package frame.core;

import frame.core.auth.ApiTokens;
import frame.core.auth.Pairings;
import frame.core.db.DataFolderLock;
import frame.core.db.Database;
import frame.core.event.EventBus;
import frame.core.image.ImageRepository;
import frame.core.ingest.Ingestor;
import frame.core.ingest.OrphanSweep;
import frame.core.job.JobHandler;
import frame.core.library.LibraryBrowser;
import frame.core.trash.Trash;
import frame.core.job.JobOutcome;
import frame.core.job.JobRepository;
import frame.core.job.JobRunner;
import frame.core.job.JobType;
import frame.core.job.RunnerSettings;
import frame.core.media.DecodeBudget;
import frame.core.media.ImageDecoder;
import frame.core.pipeline.ExifEnrichmentHandler;
import frame.core.pipeline.ImagePipeline;
import frame.core.pipeline.OffloadOriginalHandler;
import frame.core.pipeline.PreviewHandler;
import frame.core.pipeline.ThumbnailHandler;
import frame.core.pipeline.WorkingImages;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a FRAME from its configuration: every part wired to the others, in the order start-up
 * needs (data-folder lock, store sweep, database, take-back of a crash's jobs, runner, orphan sweep).
 */
final class FrameAssembly {
  private static final Logger log = LoggerFactory.getLogger(FrameAssembly.class);

  record Parts(FrameConfig config, DataFolderLock lock, Database database, FileStore store, EventBus events,
      ImageRepository images, JobRepository jobs, JobRunner runner, Ingestor ingestor, ApiTokens tokens, Pairings pairings,
      Trash trash, LibraryBrowser browser, ImageDecoder decoder) {}

  private FrameAssembly() {}

  static Frame open(FrameConfig config, Clock clock, RunnerSettings settings, boolean startRunner) {
    DataFolderLock lock = DataFolderLock.acquire(config.dataDir());
    Database database = null;
    try {
      FileStore store = new FileStore(config.storageDir());
      int swept = store.sweepPartFiles();
      if (swept > 0) log.info("Removed {} unfinished upload(s) left by an earlier stop", swept);
      database = Database.open(config.databaseUrl(), settings.workers() + 4);
      Parts parts = wire(config, lock, database, store, clock, settings);
      if (config.embeddedDatabase()) {
        // The data-folder lock proves no other worker is alive: take back what a crash left at once.
        int taken = parts.runner().takeBackAllRunning();
        if (taken > 0) log.info("Took back {} job(s) left running by an earlier stop", taken);
      }
      if (startRunner) parts.runner().start();
      sweepOrphansInBackground(parts, clock.instant().minus(Duration.ofMinutes(1)));
      return new Frame(parts);
    } catch (IOException e) {
      Frame.closeQuietly(database, lock);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      Frame.closeQuietly(database, lock);
      throw e;
    }
  }

  private static Parts wire(FrameConfig config, DataFolderLock lock, Database database, FileStore store, Clock clock,
      RunnerSettings settings) {
    EventBus events = new EventBus();
    ImageRepository images = new ImageRepository(database.jdbc());
    JobRepository jobs = new JobRepository(database.jdbc());
    ImageDecoder decoder = new ImageDecoder(config.maxPixels(), DecodeBudget.forHeap(Runtime.getRuntime().maxMemory()));
    WorkingImages working = new WorkingImages(decoder);
    Map<JobType, JobHandler> handlers = new EnumMap<>(JobType.class);
    handlers.put(JobType.OFFLOAD_ORIGINAL, new OffloadOriginalHandler(images, store));
    handlers.put(JobType.THUMBNAIL_GENERATION, new ThumbnailHandler(images, store, working));
    handlers.put(JobType.PREVIEW_GENERATION, new PreviewHandler(images, store, working));
    handlers.put(JobType.EXIF_ENRICHMENT, new ExifEnrichmentHandler(images, store, database.jdbc()));
    handlers.put(JobType.NOOP, (job, context) -> JobOutcome.completed());
    JobRunner runner = new JobRunner(jobs, handlers, new ImagePipeline(images, jobs), events, clock, settings);
    ApiTokens tokens = new ApiTokens(database.jdbc(), clock);
    Ingestor ingestor = new Ingestor(store, images, jobs, database.jdbc(), events, clock, config.maxPixels(), runner::wake);
    Trash trash = new Trash(database.jdbc(), images, store, events, clock);
    return new Parts(config, lock, database, store, events, images, jobs, runner, ingestor, tokens,
        new Pairings(database.jdbc(), clock), trash, new LibraryBrowser(database.jdbc()), decoder);
  }

  /** What a crash left half-purged, and photos removed more than 30 days ago, go at each start. */
  private static void emptyExpiredTrash(Trash trash) {
    try {
      int emptied = trash.emptyExpired();
      if (emptied > 0) log.info("Emptied {} photo(s) from the trash after {} days", emptied, Trash.KEPT_FOR.toDays());
    } catch (RuntimeException e) {
      // most often FRAME closed before it finished (a short command): it runs again next start
      log.debug("Emptying the trash stopped early: {}", e.getMessage());
    }
  }

  private static void sweepOrphansInBackground(Parts parts, Instant olderThan) {
    Thread sweeper = new Thread(() -> {
      OrphanSweep.run(parts.store(), parts.images(), olderThan);
      emptyExpiredTrash(parts.trash());
    }, "frame-orphan-sweep");
    sweeper.setDaemon(true);
    sweeper.start();
  }
}
