package frame.core;

import frame.core.auth.ApiTokens;
import frame.core.ingest.OrphanSweep;
import frame.core.job.Job;
import frame.core.job.JobOutcome;
import frame.core.media.DecodeBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import frame.core.db.DataFolderLock;
import frame.core.db.Database;
import frame.core.event.EventBus;
import frame.core.image.Image;
import frame.core.image.ImageQuery;
import frame.core.image.ImageRepository;
import frame.core.image.ImageState;
import frame.core.ingest.IngestResult;
import frame.core.ingest.Ingestor;
import frame.core.job.JobHandler;
import frame.core.job.JobQuery;
import frame.core.job.JobRepository;
import frame.core.job.JobRunner;
import frame.core.job.JobState;
import frame.core.job.JobType;
import frame.core.job.RunnerSettings;
import frame.core.media.ImageDecoder;
import frame.core.pipeline.ExifEnrichmentHandler;
import frame.core.pipeline.ImagePipeline;
import frame.core.pipeline.OffloadOriginalHandler;
import frame.core.pipeline.PreviewHandler;
import frame.core.pipeline.ThumbnailHandler;
import frame.core.pipeline.WorkingImages;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core facade: what the desktop window, the command line and the REST server all call. One
 * database, one store, one job runner per process.
 */
public final class Frame implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Frame.class);

  private final FrameConfig config;
  private final DataFolderLock lock;
  private final Database database;
  private final FileStore store;
  private final EventBus events;
  private final ImageRepository images;
  private final JobRepository jobs;
  private final JobRunner runner;
  private final Ingestor ingestor;
  private final ApiTokens tokens;

  private Frame(FrameConfig config, DataFolderLock lock, Database database, FileStore store, Clock clock,
      RunnerSettings settings) {
    this.config = config;
    this.lock = lock;
    this.database = database;
    this.store = store;
    this.events = new EventBus();
    this.images = new ImageRepository(database.jdbc());
    this.jobs = new JobRepository(database.jdbc());
    ImageDecoder decoder = new ImageDecoder(config.maxPixels(),
        DecodeBudget.forHeap(Runtime.getRuntime().maxMemory()));
    Map<JobType, JobHandler> handlers = new EnumMap<>(JobType.class);
    handlers.put(JobType.OFFLOAD_ORIGINAL, new OffloadOriginalHandler(images, store));
    WorkingImages working = new WorkingImages(decoder);
    handlers.put(JobType.THUMBNAIL_GENERATION, new ThumbnailHandler(images, store, working));
    handlers.put(JobType.PREVIEW_GENERATION, new PreviewHandler(images, store, working));
    handlers.put(JobType.EXIF_ENRICHMENT, new ExifEnrichmentHandler(images, store, database.jdbc()));
    handlers.put(JobType.NOOP, (job, context) -> JobOutcome.completed());
    this.runner = new JobRunner(jobs, handlers, new ImagePipeline(images, jobs), events, clock, settings);
    this.tokens = new ApiTokens(database.jdbc(), clock);
    this.ingestor = new Ingestor(store, images, jobs, database.jdbc(), events, clock, config.maxPixels(), runner::wake);
  }

  /** Opens FRAME on a data folder and starts its job runner. */
  public static Frame open(FrameConfig config) {
    return open(config, Clock.systemUTC(), settingsFor(config), true);
  }

  /** For tests and tools: a given clock and runner settings; the runner starts only if asked. */
  public static Frame open(FrameConfig config, Clock clock, RunnerSettings settings, boolean startRunner) {
    DataFolderLock lock = DataFolderLock.acquire(config.dataDir());
    Database database = null;
    try {
      FileStore store = new FileStore(config.storageDir());
      int swept = store.sweepPartFiles();
      if (swept > 0) log.info("Removed {} unfinished upload(s) left by an earlier stop", swept);
      database = Database.open(config.databaseUrl(), settings.workers() + 4);
      Frame frame = new Frame(config, lock, database, store, clock, settings);
      if (config.embeddedDatabase()) {
        // The data-folder lock proves no other worker is alive: take back what a crash left at once.
        int taken = frame.runner.takeBackAllRunning();
        if (taken > 0) log.info("Took back {} job(s) left running by an earlier stop", taken);
      }
      if (startRunner) frame.runner.start();
      frame.sweepOrphansInBackground(clock.instant().minus(Duration.ofMinutes(1)));
      return frame;
    } catch (IOException e) {
      closeQuietly(database, lock);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      closeQuietly(database, lock);
      throw e;
    }
  }

  private void sweepOrphansInBackground(Instant olderThan) {
    Thread sweeper = new Thread(() -> OrphanSweep.run(store, images, olderThan), "frame-orphan-sweep");
    sweeper.setDaemon(true);
    sweeper.start();
  }

  public static RunnerSettings settingsFor(FrameConfig config) {
    return RunnerSettings.defaults(config.workers())
        .withBatchSize(config.batchSize())
        .withPollInterval(config.pollInterval());
  }

  public FrameConfig config() {
    return config;
  }

  public EventBus events() {
    return events;
  }

  public JobRunner runner() {
    return runner;
  }

  public IngestResult importFile(Path file) {
    return ingestor.ingest(file);
  }

  public IngestResult ingest(InputStream in, String name, String declaredSha256) {
    return ingestor.ingest(in, name, declaredSha256);
  }

  public Image image(long id) {
    return images.find(id).orElseThrow(() -> FrameException.imageNotFound(id));
  }

  public Optional<Image> imageBySha256(String sha256) {
    return images.findBySha256(sha256);
  }

  public List<Image> images(ImageQuery query) {
    return images.list(query);
  }

  public long countImages(ImageState state) {
    return images.count(state);
  }

  public ImageDetails imageDetails(long id) {
    Image image = image(id);
    return new ImageDetails(image, images.exif(id), jobs.list(JobQuery.forImage(id)).reversed(), files(image));
  }

  public ImageFiles files(Image image) {
    return ImageFiles.of(store, image);
  }

  public List<Job> jobs(JobQuery query) {
    return jobs.list(query);
  }

  public long countJobs(JobQuery query) {
    return jobs.count(query);
  }

  public Map<JobState, Long> jobCountsByState() {
    return jobs.countByState();
  }

  public JobDetails jobDetails(long id) {
    return new JobDetails(jobs.find(id).orElseThrow(() -> FrameException.jobNotFound(id)), jobs.attempts(id));
  }

  /** Active (PENDING or RUNNING) jobs of each of these images. */
  public Map<Long, List<Job>> activeJobs(Collection<Long> imageIds) {
    return jobs.activeForImages(imageIds);
  }

  public ApiTokens tokens() {
    return tokens;
  }

  /** For durability checks and the health report. */
  public Database database() {
    return database;
  }

  @Override
  public void close() {
    runner.close();
    events.close();
    closeQuietly(database, lock);
  }

  private static void closeQuietly(Database database, DataFolderLock lock) {
    try {
      if (database != null) database.close();
    } finally {
      lock.close();
    }
  }
}
