package frame.core.archive;

import frame.core.api.Archive;
import frame.core.api.archive.ArchiveCopy;
import frame.core.api.archive.ArchiveStatus;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.ArchiveTargetKind;
import frame.core.api.archive.FileHash;
import frame.core.api.archive.FreeReport;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.archive.SafeReport;
import frame.core.api.archive.ScrubReport;
import frame.core.api.FrameException;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The archive port, in-process: targets, status, free, safe and scrub over this FRAME's database. */
final class ArchiveService implements Archive {
  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  private final ArchiveRepository archive;
  private final ArchiveJobs steps;
  private final Targets targets;
  private final CredentialStore credentials;
  private final LocalSpace space;
  private final Scrubber scrubber;
  private final CatalogueLog catalogueLog;
  private final EventBus events;
  private final Clock clock;
  private final Runnable wake;

  ArchiveService(ArchiveRepository archive, ArchiveJobs steps, Targets targets, CredentialStore credentials,
      LocalSpace space, Scrubber scrubber, CatalogueLog catalogueLog, EventBus events, Clock clock, Runnable wake) {
    this.archive = archive;
    this.steps = steps;
    this.targets = targets;
    this.credentials = credentials;
    this.space = space;
    this.scrubber = scrubber;
    this.catalogueLog = catalogueLog;
    this.events = events;
    this.clock = clock;
    this.wake = wake;
  }

  @Override
  public ArchiveStatus status() {
    Map<Long, long[]> totals = archive.copyTotals();
    List<TargetRecord> records = archive.targets();
    List<ArchiveTarget> shown = new ArrayList<>();
    for (TargetRecord record : records) {
      TargetRecord checked = checkNow(record);
      long[] total = totals.getOrDefault(record.id(), new long[2]);
      shown.add(new ArchiveTarget(checked.name(), checked.kind(), checked.location(), checked.bucket(),
          checked.prefix(), checked.region(), checked.problem() == null, checked.problem(), checked.problemSince(),
          total[0], total[1], archive.backlog(record.id()), catalogueLog.of(record.id())));
    }
    Places places = Places.of(records);
    ArchiveRepository.PlaceCounts counts = archive.placeCounts(places);
    long stored = archive.count("STORED");
    long waiting = records.isEmpty() ? 0 : counts.copyComing();
    long copyFailed = records.isEmpty() ? 0 : counts.copyFailed();
    return new ArchiveStatus(shown, counts.photos(), stored, counts.onePlaceOnly(), waiting, counts.archiveOnly(),
        counts.nowhere(), counts.failed(), copyFailed, places.shared(), Advice.of(!records.isEmpty(), counts));
  }

  @Override
  public long onePlaceOnly() {
    return archive.placeCounts(Places.of(archive.targets())).onePlaceOnly();
  }

  /** Asks the target itself whether it can be written now, and records the answer. */
  private TargetRecord checkNow(TargetRecord record) {
    Instant now = clock.instant();
    try {
      targets.of(record).check();
      if (record.problem() != null) archive.working(record.id(), now);
      return new TargetRecord(record.id(), record.name(), record.kind(), record.location(), record.bucket(),
          record.prefix(), record.region(), null, null);
    } catch (TargetFault fault) {
      archive.problem(record.id(), fault.getMessage(), now);
      return archive.target(record.id()).orElse(record);
    }
  }

  @Override
  public ArchiveTarget add(NewArchiveTarget target) {
    TargetRecord record = validate(target);
    if (archive.target(record.name()).isPresent()) {
      throw new FrameException("archive_target_exists", "There is already an archive target called " + record.name(), true);
    }
    refuseSamePlace(record);
    if (target.kind() == ArchiveTargetKind.S3) credentials.save(record.name(), target.credentials());
    List<FrameEvent> published = new ArrayList<>();
    Instant now = clock.instant();
    long id = archive.jdbc().inTransaction(tx -> {
      long inserted = archive.insert(tx, record, now);
      steps.settleAll(tx, archive.lackingCopy(tx, inserted), now, published);
      return inserted;
    });
    published.forEach(events::publish);
    wake.run();
    return status().targets().stream().filter(t -> t.name().equals(record.name())).findFirst()
        .orElseThrow(() -> new IllegalStateException("target " + id + " vanished as it was added"));
  }

  /** A second target on the same disk or bucket keys would count one physical copy as two. */
  private void refuseSamePlace(TargetRecord record) {
    Place place = Place.of(record);
    for (TargetRecord existing : archive.targets()) {
      Place there = Place.of(existing);
      if (place.overlaps(there)) {
        throw new FrameException("archive_target_same_place", (record.kind() == ArchiveTargetKind.FOLDER
            ? "The folder " + record.location() : "The bucket " + record.bucket() + "'s prefix '"
                + (record.prefix() == null ? "" : record.prefix()) + "' at " + record.location())
            + " " + place.against(there) + " the archive target " + existing.name() + " (" + existing.where()
            + "): one place holds one copy, not two. Give the new target another disk or bucket", true);
      }
    }
  }

  private static TargetRecord validate(NewArchiveTarget target) {
    if (target.name() == null || !target.name().matches(NAME)) {
      throw new FrameException("bad_archive_target", "A target's name is 1 to 64 letters, digits, dots, dashes"
          + " or underscores, starting with a letter or digit", true);
    }
    if (target.kind() == ArchiveTargetKind.FOLDER) {
      if (target.location() == null || target.location().isBlank()) {
        throw new FrameException("bad_archive_target", "A folder target needs its folder", true);
      }
      String folder = Path.of(target.location()).toAbsolutePath().normalize().toString();
      return new TargetRecord(0, target.name(), target.kind(), folder, null, null, null, null, null);
    }
    if (target.location() == null || !target.location().matches("(?i)https?://.+")) {
      throw new FrameException("bad_archive_target", "An S3 target needs its endpoint URL (http:// or https://)", true);
    }
    URI.create(target.location());
    if (target.bucket() == null || target.bucket().isBlank()) {
      throw new FrameException("bad_archive_target", "An S3 target needs --bucket", true);
    }
    if (target.credentials() == null) {
      throw new FrameException("bad_archive_target", "An S3 target needs credentials: set AWS_ACCESS_KEY_ID and"
          + " AWS_SECRET_ACCESS_KEY, or give --credentials-file", true);
    }
    return new TargetRecord(0, target.name(), target.kind(), target.location(), target.bucket(), target.prefix(),
        target.region(), null, null);
  }

  @Override
  public boolean remove(String name) {
    TargetRecord record = archive.target(name).orElse(null);
    if (record == null) return false;
    List<FrameEvent> published = new ArrayList<>();
    Instant now = clock.instant();
    archive.jdbc().inTransaction(tx -> {
      tx.update("""
          UPDATE job SET state = 'CANCELLED', last_error = ?, completed_at = ?, updated_at = ?
          WHERE type = 'ARCHIVE_ORIGINAL' AND state = 'PENDING' AND payload LIKE ?
          """, "The archive target " + name + " was removed", now.toEpochMilli(), now.toEpochMilli(),
          "%\"targetId\":" + record.id() + "}");
      List<Long> holding = tx.query("SELECT image_id FROM archive_copy WHERE target_id = ?", r -> r.getLong(1),
          record.id());
      archive.delete(tx, record.id());
      // the photos it held may now be STORED (if they are on every other target) or not
      List<Long> affected = new ArrayList<>(holding);
      affected.addAll(tx.query("SELECT i.id FROM image i WHERE " + ArchiveRepository.ARCHIVABLE
          + " AND i.state = 'PROCESSED'", r -> r.getLong(1)));
      steps.settleAll(tx, affected.stream().distinct().toList(), now, published);
      return null;
    });
    targets.forget(record.id());
    credentials.delete(name);
    published.forEach(events::publish);
    return true;
  }

  @Override
  public List<ArchiveCopy> copies(long imageId) {
    return archive.copies(imageId);
  }

  @Override
  public FreeReport free(int minCopies) {
    return space.free(minCopies);
  }

  @Override
  public SafeReport safe(List<FileHash> files, int copies) {
    if (copies < 1) throw new FrameException("bad_request", "--copies is at least 1", true);
    Places targetPlaces = Places.of(archive.targets());
    List<SafeReport.SafeFile> answers = new ArrayList<>();
    for (FileHash file : files) {
      String sha = file.sha256() == null ? "" : file.sha256().toLowerCase(java.util.Locale.ROOT);
      Optional<ArchiveRepository.Holding> held = archive.holding(sha);
      List<String> places = new ArrayList<>();
      held.ifPresent(photo -> {
        // a local original a scrub found damaged is no place, even while its file is there
        if (!photo.localFreed() && !photo.localDamaged() && space.hasLocalOriginal(photo.imageId())) {
          places.add("this computer");
        }
        places.addAll(targetPlaces.names(photo.targetIds()));
      });
      answers.add(new SafeReport.SafeFile(file.name(), sha, places.size(), places, held.isPresent()));
    }
    return new SafeReport(copies, answers);
  }

  @Override
  public ScrubReport scrub(int samplePercent) {
    if (samplePercent < 1 || samplePercent > 100) {
      throw new FrameException("bad_request", "--sample is a percentage from 1 to 100", true);
    }
    ScrubReport report = scrubber.scrub(samplePercent);
    wake.run();
    return report;
  }
}
