package frame.core;

import frame.core.api.config.FrameConfig;

import frame.core.api.Ports;
import frame.core.archive.ArchiveModule;
import frame.core.archive.ArchiveSettings;
import frame.core.auth.ApiTokens;
import frame.core.backup.CatalogueBackup;
import frame.core.auth.PairingKey;
import frame.core.auth.Pairings;
import frame.core.crash.Failpoints;
import frame.core.db.DataFolderLock;
import frame.core.store.PrivateFolder;
import frame.core.db.Database;
import frame.core.db.PoolSize;
import frame.core.event.EventBus;
import frame.core.image.ImageRepository;
import frame.core.ingest.Ingestor;
import frame.core.ingest.OrphanSweep;
import frame.core.job.JobControl;
import frame.core.job.JobHandler;
import frame.core.library.LibraryBrowser;
import frame.core.trash.Trash;
import frame.core.api.Culling;
import frame.core.culling.AnalysisHandler;
import frame.core.culling.PreviewAnalysis;
import frame.core.culling.AnalysisSwitch;
import frame.core.culling.MissingAnalysis;
import frame.core.culling.CullingEngine;
import frame.core.culling.Stacker;
import frame.core.job.JobOutcome;
import frame.core.job.JobRepository;
import frame.core.job.JobRunner;
import frame.core.job.WorkerShare;
import frame.core.api.jobs.JobType;
import frame.core.job.QueuePauses;
import frame.core.job.RunnerSettings;
import frame.core.media.DecodeBudget;
import frame.core.node.ClusterEvents;
import frame.core.node.NodeIdentity;
import frame.core.api.nodes.NodeInfo;
import frame.core.node.NodePresence;
import frame.core.node.NodeRegistry;
import frame.core.api.nodes.NodeState;
import frame.core.media.ImageDecoder;
import frame.core.pipeline.ExifEnrichmentHandler;
import frame.core.pipeline.ImagePipeline;
import frame.core.pipeline.OffloadOriginalHandler;
import frame.core.pipeline.PreviewHandler;
import frame.core.pipeline.ThumbnailHandler;
import frame.core.pipeline.OriginalFiles;
import frame.core.pipeline.WorkingImages;
import frame.core.recovery.LibraryRecovery;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a FRAME from its configuration: every part wired to the others, in the order start-up
 * needs (data-folder lock, store sweep, database, take-back of a crash's jobs, runner, orphan sweep).
 */
final class FrameAssembly {
  private static final Logger log = LoggerFactory.getLogger(FrameAssembly.class);

  record Parts(FrameConfig config, DataFolderLock lock, Database database, FileStore store, EventBus events,
      ImageRepository images, JobRepository jobs, JobRunner runner, Ingestor ingestor, ApiTokens tokens,
      Pairings pairings, QueuePauses pauses, JobControl control, NodeIdentity node, NodeRegistry nodes, Studio studio,
      Trash trash, LibraryBrowser browser, ImageDecoder decoder, ArchiveModule archive, Culling culling) {}

  /** What a node on a shared database runs beside its runner: its presence and the cluster's events. */
  static final class Studio implements AutoCloseable {
    private NodePresence presence;
    private ClusterEvents cluster;

    /** The cluster's events, or none on an embedded database or without notifications. */
    Optional<ClusterEvents> cluster() {
      return Optional.ofNullable(cluster);
    }

    @Override
    public void close() {
      if (cluster != null) cluster.close();
      if (presence != null) presence.close();
    }
  }

  private FrameAssembly() {}

  static Frame open(FrameConfig config, Clock clock, RunnerSettings settings, boolean startRunner) {
    // The data-folder lock guards the embedded database's files; on a server database the data
    // folder holds nothing shared, and several commands may use it at once.
    PrivateFolder.create(config.dataDir());
    DataFolderLock lock = config.embeddedDatabase() ? DataFolderLock.acquire(config.dataDir()) : null;
    Database database = null;
    try {
      NodeIdentity node = NodeIdentity.forThisProcess(config.nodeKind());
      if (lock != null) Database.removeLeftoverLock(config.databaseUrl());
      // A process that runs no jobs (a command that lists, pairs or shows) makes its connections
      // as it uses them, so it does not wait at exit for a pool still filling.
      int poolMax = settings.workers() + 4;
      PoolSize pool = startRunner ? PoolSize.filled(poolMax) : PoolSize.onDemand(poolMax);
      database = Database.open(config.databaseUrl(), config.databaseLogin(), pool, lock);
      NodeRegistry registry = new NodeRegistry(database.jdbc());
      // A node is a process that runs jobs. It registers before its temp folder exists, so no other
      // node's sweep can take that folder for abandoned (nor can it a new folder without a row).
      if (startRunner) NodePresence.register(registry, node);
      FileStore store = config.embeddedDatabase()
          ? new FileStore(config.storageDir())
          : new FileStore(config.storageDir(), node.folderName());
      Parts parts = wire(config, lock, database, store, clock, settings, node, registry);
      // the database, originals and keys are the user's alone (issue 27): checked once they all exist
      PrivateFolder.secure(config.dataDir());
      if (!config.storageDir().startsWith(config.dataDir())) PrivateFolder.secure(config.storageDir());
      if (startRunner) {
        parts.studio().presence = NodePresence.keepBeating(registry, node, parts.runner(), settings.heartbeat());
      }
      sweepTempFiles(parts, settings);
      if (config.embeddedDatabase()) {
        // The data-folder lock proves no other worker is alive: take back what a crash left at once.
        int taken = parts.runner().takeBackAllRunning();
        if (taken > 0) log.info("Took back {} job(s) left running by an earlier stop", taken);
      }
      if (startRunner) {
        queueMissingAnalysis(parts.culling());
        parts.runner().start();
      }
      if (!config.embeddedDatabase() && config.notifications()) {
        // a worker shows no events: it needs only to hear of new work, not every other node's events
        parts.studio().cluster = ClusterEvents.start(database, parts.events(), node.id(), parts.runner()::wake,
            !"worker".equals(config.nodeKind()));
      }
      sweepOrphansInBackground(parts, clock.instant().minus(Duration.ofMinutes(1)));
      return new Frame(parts, portsOf(parts));
    } catch (IOException e) {
      Frame.closeQuietly(database, lock);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      Frame.closeQuietly(database, lock);
      throw e;
    }
  }

  /**
   * Removes unfinished uploads only where they are provably abandoned: everything when this
   * process is alone on its storage (the embedded database), else this node's own folder and the
   * folders of nodes the node table shows stopped or lost (never a live node's upload in flight).
   */
  private static void sweepTempFiles(Parts parts, RunnerSettings settings) throws IOException {
    int swept = parts.store().sweepPartFiles();
    if (parts.config().embeddedDatabase()) {
      swept += parts.store().sweepAbandonedTempFolders(folder -> true, true);
    } else {
      Map<String, NodeState> known = new HashMap<>();
      for (NodeInfo info : parts.nodes().list(settings.lease())) {
        known.put(NodeIdentity.folderNameOf(info.id()), info.state());
      }
      Instant longAgo = Instant.now().minus(Duration.ofDays(2));
      // gone: its node stopped or went silent; or no node row at all (rows are forgotten after a
      // day) and untouched for longer than that. A folder whose node registers this very moment
      // has a row or is brand new, and stays.
      swept += parts.store().sweepAbandonedTempFolders(folder -> {
        NodeState state = known.get(folder.getFileName().toString());
        if (state != null) return state != NodeState.ALIVE;
        try {
          return Files.getLastModifiedTime(folder).toInstant().isBefore(longAgo);
        } catch (IOException e) {
          return false;
        }
      }, false);
    }
    if (swept > 0) log.info("Removed {} unfinished upload(s) left by an earlier stop", swept);
  }

  private static Parts wire(FrameConfig config, DataFolderLock lock, Database database, FileStore store, Clock clock,
      RunnerSettings settings, NodeIdentity node, NodeRegistry registry) {
    EventBus events = new EventBus();
    ImageRepository images = new ImageRepository(database.jdbc());
    JobRepository jobs = new JobRepository(database.jdbc());
    ImageDecoder decoder = new ImageDecoder(config.maxPixels(), DecodeBudget.forHeap(Runtime.getRuntime().maxMemory()));
    WorkingImages working = new WorkingImages(decoder);
    Failpoints failpoints = Failpoints.forThisJvm();
    JobRunner[] runnerOf = new JobRunner[1]; // the archive wakes the runner it is handed to
    ArchiveModule archive = new ArchiveModule(database.jdbc(), images, jobs, store, config.dataDir(), events, clock,
        ArchiveSettings.in(config.dataDir()), System.getenv(), () -> runnerOf[0].wake(), failpoints,
        new CatalogueBackup(database, config.dataDir(), clock)::into);
    // handlers read an original that is only on the archive (freed, or recovered) through the archive
    OriginalFiles originals = archive.originals()::local;
    Map<JobType, JobHandler> handlers = new EnumMap<>(JobType.class);
    handlers.put(JobType.OFFLOAD_ORIGINAL, new OffloadOriginalHandler(images, store, originals));
    handlers.put(JobType.THUMBNAIL_GENERATION, new ThumbnailHandler(images, store, working, originals));
    AnalysisSwitch analysisSwitch = new AnalysisSwitch(config.dataDir());
    Stacker stacker = new Stacker(database.jdbc(), events);
    handlers.put(JobType.PREVIEW_GENERATION, new PreviewHandler(images, store, working, originals,
        new PreviewAnalysis(analysisSwitch, stacker)));
    handlers.put(JobType.EXIF_ENRICHMENT, new ExifEnrichmentHandler(images, store, database.jdbc(), originals));
    for (JobType analysis : JobType.ANALYSIS) {
      handlers.put(analysis, new AnalysisHandler(analysis, images, store, decoder, stacker));
    }
    handlers.put(JobType.NOOP, (job, context) -> JobOutcome.completed());
    handlers.replaceAll((type, handler) -> handler.reaching(failpoints));
    ImagePipeline pipeline = new ImagePipeline(images, jobs);
    QueuePauses pauses = new QueuePauses(database.jdbc(), settings.pollInterval());
    WorkerShare share = new WorkerShare(settings.workers());
    handlers.put(JobType.ARCHIVE_ORIGINAL, archive.handler());
    pipeline.archiveWith(archive.steps());
    JobRunner runner = new JobRunner(jobs, handlers, pipeline, events, clock, settings, pauses, node.id(), share);
    runnerOf[0] = runner;
    JobControl control = new JobControl(jobs, pipeline, events, clock, runner::wake);
    ApiTokens tokens = new ApiTokens(database.jdbc(), clock);
    Trash trash = new Trash(database.jdbc(), images, store, events, clock, failpoints);
    Ingestor ingestor = new Ingestor(store, images, jobs, database.jdbc(), events, clock, config.maxPixels(), runner::wake,
        share, failpoints, trash::tombstone, archive.steps());
    return new Parts(config, lock, database, store, events, images, jobs, runner, ingestor, tokens,
        new Pairings(database.jdbc(), clock, PairingKey.inFolder(config.dataDir())), pauses, control, node, registry,
        new Studio(), trash, new LibraryBrowser(database.jdbc()), decoder, archive,
        new CullingEngine(database.jdbc(), trash, stacker, events, clock, images, originals, analysisSwitch,
            new MissingAnalysis(database.jdbc(), jobs, clock, runner::wake)));
  }

  /** The ports front ends use, each over the engine parts it needs. */
  private static Ports portsOf(Parts parts) {
    LibraryPort library = new LibraryPort(parts.images(), parts.jobs(), parts.browser(), parts.store(), parts.trash(),
        parts.decoder(), parts.archive().originals());
    return new Ports(library,
        new ImportsPort(parts.ingestor(), parts.trash(), library, parts.control()),
        new JobsPort(parts.jobs(), parts.images(), parts.control(), parts.trash(), library),
        new QueuePort(parts.pauses(), parts.jobs(), parts.runner()),
        new TrashPort(parts.trash()),
        new DevicesPort(parts.tokens(), parts.pairings()),
        new NodesPort(parts.node(), parts.nodes(), Frame.settingsFor(parts.config()).lease()),
        parts.events(),
        new CataloguePort(new CatalogueBackup(parts.database(), parts.config().dataDir(), Clock.systemUTC()),
            parts.store(), parts.images(), parts.ingestor(),
            new LibraryRecovery(parts.database().jdbc(), parts.images(), parts.jobs(), parts.store(), parts.archive(),
                parts.events(), Clock.systemUTC(), parts.runner()::wake, Failpoints.forThisJvm())),
        parts.archive().port(),
        parts.culling());
  }

  /** Analysis turned on again (culling.properties) reaches the photos imported while it was off; never stops a start. */
  private static void queueMissingAnalysis(Culling culling) {
    try {
      int queued = culling.analysisOn() ? culling.setAnalysis(true) : 0;
      if (queued > 0) log.info("Queued culling's analysis for {} photo(s) that lacked it", queued);
    } catch (RuntimeException e) {
      log.warn("Could not queue culling's analysis for the photos that lack it: {}", e.getMessage());
    }
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
