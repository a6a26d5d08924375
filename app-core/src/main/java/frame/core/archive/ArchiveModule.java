package frame.core.archive;

import frame.core.api.Archive;
import frame.core.api.catalogue.BackupTaken;
import frame.core.crash.Failpoints;
import frame.core.db.Jdbc;
import frame.core.event.EventBus;
import frame.core.image.ImageRepository;
import frame.core.job.JobHandler;
import frame.core.job.JobRepository;
import frame.core.pipeline.ArchiveSteps;
import frame.core.store.FileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * The archive's parts, wired once by the assembly: its job handler, its pipeline steps, its port, and
 * what it does by itself (the light scrub, the daily catalogue backup into each target).
 */
public final class ArchiveModule implements AutoCloseable {
  private final Targets targets;
  private final ArchiveJobs steps;
  private final ArchiveHandler handler;
  private final ArchiveService service;
  private final Originals originals;
  private final ScheduledScrub scheduledScrub;
  private final ScheduledCatalogueBackup catalogueBackups;

  public ArchiveModule(Jdbc jdbc, ImageRepository images, JobRepository jobs, FileStore store, Path dataDir,
      EventBus events, Clock clock, ArchiveSettings settings, Map<String, String> environment, Runnable wake,
      Failpoints failpoints, Function<Path, BackupTaken> catalogueBackup) {
    ArchiveRepository archive = new ArchiveRepository(jdbc);
    CredentialStore credentials = new CredentialStore(dataDir);
    this.targets = new Targets(credentials, environment, settings);
    this.steps = new ArchiveJobs(archive, images, jobs);
    this.originals = new Originals(store, archive, targets);
    LocalSpace space = new LocalSpace(archive, store, clock);
    this.handler = new ArchiveHandler(archive, images, targets, originals, space, settings, clock, failpoints);
    CatalogueLog catalogueLog = new CatalogueLog(dataDir);
    this.service = new ArchiveService(archive, steps, targets, credentials, space,
        new Scrubber(archive, steps, targets, store, events, clock), catalogueLog, events, clock, wake);
    this.scheduledScrub = new ScheduledScrub(service::scrub, dataDir, ScrubPlan.in(dataDir), clock);
    this.catalogueBackups = new ScheduledCatalogueBackup(catalogueBackup, archive, targets, catalogueLog, dataDir,
        CataloguePlan.in(dataDir), clock);
  }

  public JobHandler handler() {
    return handler;
  }

  public ArchiveSteps steps() {
    return steps;
  }

  public Archive port() {
    return service;
  }

  /** Where to read an original from: the local store, or the archive once it was freed. */
  public Originals originals() {
    return originals;
  }

  @Override
  public void close() {
    scheduledScrub.close();
    catalogueBackups.close();
    targets.close();
  }
}
