package frame.core.archive;

import frame.core.api.Archive;
import frame.core.api.archive.NewArchiveTarget;
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
  private final ArchiveRepository archive;
  private final CredentialStore credentials;
  private final SidecarRefresh sidecars;
  private final frame.core.api.Events.Subscription sidecarSubscription;

  public ArchiveModule(Jdbc jdbc, ImageRepository images, JobRepository jobs, FileStore store, Path dataDir,
      EventBus events, Clock clock, ArchiveSettings settings, Map<String, String> environment, Runnable wake,
      Failpoints failpoints, Function<Path, BackupTaken> catalogueBackup) {
    this.archive = new ArchiveRepository(jdbc);
    this.credentials = new CredentialStore(dataDir);
    this.targets = new Targets(credentials, environment, settings, failpoints);
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
    this.sidecars = new SidecarRefresh(archive, images, targets);
    this.sidecarSubscription = events.subscribe(sidecars);
  }

  /**
   * The target a recover reads: the one of this library at the same place (a recover that ran
   * before), else the given one, added as any target is (checked, its credentials kept).
   */
  public RecoverySource recoverySource(NewArchiveTarget wanted) {
    TargetRecord record = samePlaceAs(wanted).orElse(null);
    if (record == null) {
      service.add(wanted);
      record = archive.target(wanted.name()).orElseThrow();
    } else if (wanted.credentials() != null) {
      credentials.save(record.name(), wanted.credentials()); // keys given again now win over the ones kept
      targets.forget(record.id());
    }
    return new RecoverySource(archive, targets.of(record), record);
  }

  /** How many photos have a copy on this library's target at the same place as {@code wanted} (0 when none is). */
  public long photosHeldAt(NewArchiveTarget wanted) {
    return samePlaceAs(wanted).map(record -> archive.copyTotals().getOrDefault(record.id(), new long[2])[0])
        .orElse(0L);
  }

  private java.util.Optional<TargetRecord> samePlaceAs(NewArchiveTarget wanted) {
    return archive.targets().stream().filter(t -> samePlace(t, wanted)).findFirst();
  }

  private static boolean samePlace(TargetRecord record, NewArchiveTarget wanted) {
    if (record.kind() != wanted.kind() || wanted.location() == null) return false;
    if (wanted.kind() == frame.core.api.archive.ArchiveTargetKind.FOLDER) {
      return Path.of(record.location()).equals(Path.of(wanted.location()).toAbsolutePath().normalize());
    }
    return record.location().equals(wanted.location()) && record.bucket().equals(wanted.bucket())
        && prefixOf(record.prefix()).equals(prefixOf(wanted.prefix()));
  }

  private static String prefixOf(String prefix) {
    return prefix == null || prefix.isBlank() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
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
    sidecarSubscription.close();
    sidecars.close();
    scheduledScrub.close();
    catalogueBackups.close();
    targets.close();
  }
}
