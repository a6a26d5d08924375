package frame.core;

import frame.core.auth.ApiTokens;
import frame.core.api.Culling;
import frame.core.api.ImportBatch;
import java.time.Duration;
import frame.core.pipeline.StepNames;
import frame.core.media.Renditions;
import frame.core.auth.Verification;
import frame.core.auth.Pairings;
import frame.core.db.DataFolderLock;
import frame.core.db.Database;
import frame.core.error.FrameException;
import frame.core.event.EventBus;
import frame.core.event.FrameEvent;
import frame.core.image.Image;
import frame.core.image.ImageQuery;
import frame.core.image.ImageRepository;
import frame.core.image.ImageState;
import frame.core.ingest.IngestResult;
import frame.core.ingest.Ingestor;
import frame.core.job.Job;
import frame.core.job.JobControl;
import frame.core.job.JobPriority;
import frame.core.job.JobQuery;
import frame.core.job.JobRepository;
import frame.core.job.JobRunner;
import frame.core.job.JobState;
import frame.core.job.JobWithImage;
import frame.core.job.JobType;
import frame.core.job.QueuePauses;
import frame.core.job.QueueState;
import frame.core.job.RunnerSettings;
import frame.core.media.Codecs;
import frame.core.library.LibraryBrowser;
import frame.core.library.LibraryQuery;
import frame.core.media.DecodedImage;
import frame.core.media.ImageDecoder;
import frame.core.node.NodeIdentity;
import frame.core.node.NodeInfo;
import frame.core.node.NodeRegistry;
import frame.core.store.FileStore;
import frame.core.trash.RemovalSize;
import frame.core.trash.Trash;
import frame.core.trash.TrashedPhoto;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The core facade: what the desktop window, the command line and the REST server all call. One
 * database, one store, one job runner per process.
 */
public final class Frame implements AutoCloseable {
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
  private final Pairings pairings;
  private final QueuePauses pauses;
  private final JobControl control;
  private final NodeIdentity node;
  private final NodeRegistry nodes;
  private final FrameAssembly.Studio studio;
  private final Trash trash;
  private final LibraryBrowser browser;
  private final ImageDecoder decoder;
  private final Culling culling;

  Frame(FrameAssembly.Parts parts) {
    this.node = parts.node();
    this.nodes = parts.nodes();
    this.studio = parts.studio();
    this.config = parts.config();
    this.lock = parts.lock();
    this.database = parts.database();
    this.store = parts.store();
    this.events = parts.events();
    this.images = parts.images();
    this.jobs = parts.jobs();
    this.runner = parts.runner();
    this.ingestor = parts.ingestor();
    this.tokens = parts.tokens();
    this.pairings = parts.pairings();
    this.pauses = parts.pauses();
    this.control = parts.control();
    this.trash = parts.trash();
    this.browser = parts.browser();
    this.decoder = parts.decoder();
    this.culling = parts.culling();
  }

  /** Opens FRAME on a data folder and starts its job runner. */
  public static Frame open(FrameConfig config) {
    return open(config, nodeClock(), settingsFor(config), true);
  }

  /**
   * This JVM's clock, shifted by the system property {@code frame.clock.offset} (an ISO-8601
   * duration such as {@code PT5M} or {@code -PT5M}): a node with a wrong clock, for the tests that
   * prove leases do not depend on it.
   */
  static Clock nodeClock() {
    String offset = System.getProperty("frame.clock.offset");
    if (offset == null || offset.isBlank()) return Clock.systemUTC();
    return Clock.offset(Clock.systemUTC(), java.time.Duration.parse(offset.strip()));
  }

  /** For tests and tools: a given clock and runner settings; the runner starts only if asked. */
  public static Frame open(FrameConfig config, Clock clock, RunnerSettings settings, boolean startRunner) {
    return FrameAssembly.open(config, clock, settings, startRunner);
  }

  /**
   * The pid of the FRAME running on this data folder now (window, {@code frame serve} or any
   * other), if one is; see {@link DataFolderLock#holder}.
   */
  public static OptionalLong runningOn(Path dataDir) {
    return DataFolderLock.holder(dataDir);
  }

  /** Where an image's files are in a data folder, for a process that reads them without opening FRAME. */
  public static ImageFiles filesIn(FrameConfig config, Image image) {
    return ImageFiles.of(new FileStore(config.storageDir()), image);
  }

  /**
   * The codecs this machine uses, one line per family ("HEIC/HEIF/AVIF: libheif 1.15.1 (native)"),
   * for {@code frame --version} and the About box. Loads the native libraries if not yet loaded.
   */
  public static List<String> codecs() {
    return Codecs.describe();
  }

  public static RunnerSettings settingsFor(FrameConfig config) {
    return RunnerSettings.defaults(config.workers())
        .withBatchSize(config.batchSize())
        .withPollInterval(config.pollInterval());
  }

  public FrameConfig config() {
    return config;
  }

  /** Subscribes to image and job changes; closing the handle unsubscribes. Delivery is on one thread of its own. */
  public AutoCloseable subscribe(Consumer<FrameEvent> listener) {
    return events.subscribe(listener);
  }

  public IngestResult importFile(Path file) {
    return importFile(file, JobPriority.FRESH);
  }

  /**
   * Imports a file whose work goes at {@code priority}: {@link JobPriority#BULK} for the photos of
   * a large import ({@link ImportSources#priorityFor}), so a photo dropped meanwhile goes first.
   */
  public IngestResult importFile(Path file, JobPriority priority) {
    return restoredIfInTrash(ingestor.ingest(file, priority));
  }

  /**
   * Imports a file as part of {@code batch}: it joins the batch's shoot, and a photo deleted for
   * good before is skipped ("deleted on DATE") unless the batch includes deleted photos.
   */
  public IngestResult importFile(Path file, JobPriority priority, ImportBatch batch) {
    return restoredIfInTrash(ingestor.ingest(file, priority, batch));
  }

  /** Culling: flags, stars, labels, shoots and tombstones. */
  public Culling culling() {
    return culling;
  }

  public IngestResult ingest(InputStream in, String name, String declaredSha256) {
    return restoredIfInTrash(ingestor.ingest(in, name, declaredSha256));
  }

  /** Ingests a stream whose checksum, if any, is known only after its last byte (a form field after the file). */
  public IngestResult ingestWithChecksumAfter(InputStream in, String name,
      java.util.function.Supplier<String> declaredAfterTheBytes) {
    return ingestWithChecksumAfter(in, name, declaredAfterTheBytes, JobPriority.FRESH);
  }

  /** The same, its work at {@code priority} (an upload that is part of a large import says BULK). */
  public IngestResult ingestWithChecksumAfter(InputStream in, String name,
      java.util.function.Supplier<String> declaredAfterTheBytes, JobPriority priority) {
    return restoredIfInTrash(ingestor.ingestWithChecksumAfter(in, name, declaredAfterTheBytes, priority));
  }

  /** The same, as part of an import {@code batch} (a phone session's shoot). */
  public IngestResult ingestWithChecksumAfter(InputStream in, String name,
      java.util.function.Supplier<String> declaredAfterTheBytes, JobPriority priority, ImportBatch batch) {
    return restoredIfInTrash(ingestor.ingestWithChecksumAfter(in, name, declaredAfterTheBytes, priority, batch));
  }

  /** Importing a photo that waits in the trash brings it back, with its id and files. */
  private IngestResult restoredIfInTrash(IngestResult result) {
    if (result instanceof IngestResult.Duplicate d && trash.isRemoved(d.existing().id())) {
      trash.restore(List.of(d.existing().id()));
      return new IngestResult.Stored(d.name(), image(d.existing().id()));
    }
    return result;
  }

  /** A photo in the library; one in the trash is not found. */
  public Image image(long id) {
    return images.find(id).filter(image -> !trash.isRemoved(id)).orElseThrow(() -> FrameException.imageNotFound(id));
  }

  /** A page of the library grid: photos matching the query, in its order, removed ones never. */
  public List<Image> browse(LibraryQuery query, int offset, int limit) {
    return browser.page(query, offset, limit);
  }

  public long count(LibraryQuery query) {
    return browser.count(query);
  }

  /** Every id the query matches, in its order: what "select all" selects. */
  public List<Long> ids(LibraryQuery query) {
    return browser.ids(query);
  }

  /** Photos in the library (not the trash) in each state. */
  public Map<ImageState, Long> imageCountsByState() {
    return browser.countsByState();
  }

  /**
   * The original decoded at full size and turned upright (EXIF orientation), for a 1:1 look. Slow
   * and large: call it off any UI thread, one at a time.
   */
  public BufferedImage decodeOriginal(long id) {
    Image image = image(id);
    DecodedImage decoded = decoder.decode(files(image).original(), image.format(), Integer.MAX_VALUE);
    return decoded.orientation().apply(decoded.pixels());
  }

  /** How many photos and bytes removing these would free once the trash is emptied. */
  public RemovalSize removalSize(Collection<Long> imageIds) {
    return trash.sizeOf(imageIds);
  }

  /** Moves photos to the trash, all or none (an unknown id removes nothing); restorable for 30 days. */
  public RemovalSize remove(Collection<Long> imageIds) {
    return trash.remove(imageIds);
  }

  /** Brings photos back from the trash; returns how many. */
  public int restore(Collection<Long> imageIds) {
    return trash.restore(imageIds);
  }

  public List<TrashedPhoto> trash() {
    return trash.list();
  }

  /** Deletes every photo in the trash for good: rows, jobs, derived files, the original. */
  public int emptyTrash() {
    return trash.empty();
  }

  /** Deletes for good only what has been in the trash longer than 30 days (done at each start too). */
  public int emptyExpiredTrash() {
    return trash.emptyExpired();
  }

  public Optional<Image> imageBySha256(String sha256) {
    // a photo in the trash is not there: a phone uploads it again, which restores it
    return images.findBySha256(sha256).filter(image -> !trash.isRemoved(image.id()));
  }

  public List<Image> images(ImageQuery query) {
    return images.list(query);
  }

  /** How many photos the query matches, every page together. */
  public long countMatching(ImageQuery query) {
    return images.count(query);
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

  /** A page of jobs, each with its image, read in one query. */
  public List<JobWithImage> jobsWithImages(JobQuery query) {
    return jobs.listWithImages(query);
  }

  public long countJobs(JobQuery query) {
    return jobs.count(query);
  }

  public Map<JobState, Long> jobCountsByState() {
    return jobs.countByState();
  }

  public JobDetails jobDetails(long id) {
    Job job = jobs.find(id).orElseThrow(() -> FrameException.jobNotFound(id));
    Image image = job.imageId() == null ? null : images.find(job.imageId()).orElse(null);
    return new JobDetails(job, jobs.attempts(id), image, image != null && trash.isRemoved(image.id()));
  }

  /** Active (PENDING or RUNNING) jobs of each of these images. */
  public Map<Long, List<Job>> activeJobs(Collection<Long> imageIds) {
    return jobs.activeForImages(imageIds);
  }

  // ---- Control: pause and resume, retry, cancel, regenerate (issue 13) ----

  /** Whether the queue (or which job types) is paused, and the jobs per type and state. */
  public QueueOverview queue() {
    return new QueueOverview(pauses.refresh(), jobs.countByTypeAndState());
  }

  /**
   * Pauses the whole queue ({@code type} null) or one job type: running jobs finish, nothing new
   * starts, until {@link #resume}. Kept in the database, so it survives a restart.
   */
  public QueueState pause(JobType type) {
    QueueState state = pauses.pause(type, java.time.Instant.now());
    runner.wake();
    return state;
  }

  /** Resumes one job type, or everything ({@code type} null: the whole queue and every paused type). */
  public QueueState resume(JobType type) {
    QueueState state = pauses.resume(type);
    runner.wake();
    return state;
  }

  /**
   * A new run, due now, of a FAILED or CANCELLED job; its budgets are extended by 3 failed attempts
   * and 6 interruptions, and its history keeps every earlier run. Its image goes back to processing.
   */
  public Job retryJob(long id) {
    return control.retry(id);
  }

  /** {@link #retryJob} for each; stops at the first that cannot be retried (those before it are retried). */
  public List<Job> retryJobs(Collection<Long> ids) {
    return ids.stream().map(control::retry).toList();
  }

  /** Retries every FAILED job, of {@code type} when it is not null. */
  public List<Job> retryFailedJobs(JobType type) {
    return retryJobs(jobs.idsIn(JobState.FAILED, type));
  }

  /** Takes a PENDING job out of the queue; its photo ends FAILED with "cancelled by an admin". */
  public Job cancelJob(long id) {
    return control.cancel(id);
  }

  /**
   * Sends photos back through the steps to make their files again (after a bad run, a settings
   * change, a new codec): their ended jobs go back to the queue behind fresh uploads, the photos
   * to processing, and each file is replaced atomically when it is made. Returns how many photos
   * were sent back (a photo still being processed is left as it is).
   */
  public int regenerate(Collection<Long> imageIds) {
    imageIds.forEach(this::image); // every id known, or nothing sent back
    int sent = 0;
    for (long id : imageIds) {
      if (!control.regenerate(id).isEmpty()) sent++;
    }
    return sent;
  }

  /**
   * {@link #regenerate} for every photo in {@code state}, or every photo when it is null; the ids of
   * those sent back.
   */
  public List<Long> regenerateAllIn(ImageState state) {
    return images.ids(state).stream().filter(id -> !control.regenerate(id).isEmpty()).toList();
  }

  /**
   * {@link #regenerate} of these photos, saying which were sent back and which were left as they
   * are (still on their way). Every id known, or nothing is sent back.
   */
  public Regeneration regenerateImages(Collection<Long> imageIds) {
    List<Long> ids = imageIds.stream().distinct().toList();
    ids.forEach(this::image);
    return regenerateEach(ids);
  }

  /** {@link #regenerateImages} of every photo in {@code state} (every photo when it is null), the trash left out. */
  public Regeneration regenerateEvery(ImageState state) {
    return regenerateEach(images.ids(state).stream().filter(id -> !trash.isRemoved(id)).toList());
  }

  private Regeneration regenerateEach(List<Long> ids) {
    List<Long> sent = new java.util.ArrayList<>();
    List<Long> left = new java.util.ArrayList<>();
    for (long id : ids) (control.regenerate(id).isEmpty() ? left : sent).add(id);
    return new Regeneration(sent, left);
  }

  /** A new admin token, shown only this once (only its hash is kept). */
  public String createToken(String name) {
    return tokens.create(name);
  }

  /** Active admin tokens and paired devices, never the tokens themselves. */
  public List<ApiTokens.TokenInfo> tokens() {
    return tokens.list();
  }

  public boolean revokeToken(String name) {
    return tokens.revoke(name);
  }

  public boolean revokeToken(long id) {
    return tokens.revoke(id);
  }

  public boolean anyActiveToken() {
    return tokens.anyActive();
  }

  public boolean isTokenActive(long id) {
    return tokens.isActive(id);
  }

  /** Who presents this token: an admin, a device, a revoked device, or nobody. */
  public Verification verifyToken(String presented) {
    return tokens.verify(presented);
  }

  /** A single-use pairing code (a link and six digits) that expires after {@link Pairings#LIFETIME}. */
  public Pairings.PairingCode createPairing() {
    return pairings.create();
  }

  /** Trades a pairing code for a device token named for the device; refused when used or expired. */
  public Pairings.Paired redeemPairing(String code, String deviceName) {
    return pairings.redeem(code, deviceName);
  }

  /** The thumbnail sizes FRAME makes, in px, smallest first. */
  public static int[] thumbnailSizes() {
    return Renditions.THUMBNAIL_SIZES.clone();
  }

  /** How long a removed photo stays in the trash before it is deleted for good. */
  public static Duration trashKeptFor() {
    return Trash.KEPT_FOR;
  }

  /** A job's type as a photographer reads it ("Making the preview"). */
  public static String stepName(JobType type) {
    return StepNames.of(type);
  }

  // For the test fixture in this package (FrameTestAccess), never for front ends.
  ApiTokens apiTokens() {
    return tokens;
  }

  Pairings pairingCodes() {
    return pairings;
  }

  /** This process's id among the nodes on its database (also the worker id its jobs carry). */
  public String nodeId() {
    return node.id();
  }

  /**
   * Every node that has run jobs on this database lately, newest first: alive, lost (silent for
   * longer than a lease; its jobs are being taken back) or stopped.
   */
  public List<NodeInfo> nodes() {
    return nodes.list(Frame.settingsFor(config).lease());
  }

  // For the test fixture in this package (FrameTestAccess), never for front ends.
  JobRunner runner() {
    return runner;
  }

  Database database() {
    return database;
  }

  @Override
  public void close() {
    runner.close();
    studio.close();
    events.close();
    closeQuietly(database, lock);
  }

  static void closeQuietly(Database database, DataFolderLock lock) {
    try {
      if (database != null) database.close();
    } finally {
      if (lock != null) lock.close();
    }
  }
}
