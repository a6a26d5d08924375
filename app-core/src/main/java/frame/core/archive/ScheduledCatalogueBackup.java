package frame.core.archive;

import frame.core.api.FrameException;
import frame.core.api.catalogue.BackupTaken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily catalogue backup into each archive target, in a FRAME that stays open: it first looks
 * 10 minutes after start, then hourly, and for the targets whose last verified backup is older than
 * the plan's interval takes one online backup of the catalogue (while FRAME works) and puts it into
 * each, verified by reading it back, keeping the newest N there. A target that fails is tried again
 * at the next look; what happened is in the target's status and the log.
 */
final class ScheduledCatalogueBackup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScheduledCatalogueBackup.class);
  /** Where the backup is taken before it goes to the targets, in the data folder; emptied after. */
  static final String WORK_FOLDER = "catalogue-backup.tmp";

  private final Function<Path, BackupTaken> takeBackup;
  private final ArchiveRepository archive;
  private final Targets targets;
  private final CatalogueLog record;
  private final CatalogueCopies copies;
  private final Path work;
  private final CataloguePlan plan;
  private final Clock clock;
  private final PlanTimer timer;

  ScheduledCatalogueBackup(Function<Path, BackupTaken> takeBackup, ArchiveRepository archive, Targets targets,
      CatalogueLog record, Path dataDir, CataloguePlan plan, Clock clock) {
    this.takeBackup = takeBackup;
    this.archive = archive;
    this.targets = targets;
    this.record = record;
    this.copies = new CatalogueCopies(plan.keep());
    this.work = dataDir.resolve(WORK_FOLDER);
    this.plan = plan;
    this.clock = clock;
    this.timer = new PlanTimer("frame-catalogue-backup", plan.every(), this::backUpIfDue);
  }

  /** Backs up into every target that is due; never throws, so the timer keeps looking. */
  void backUpIfDue() {
    try {
      Instant now = clock.instant();
      List<TargetRecord> due = archive.targets().stream().filter(t -> isDue(t, now)).toList();
      if (due.isEmpty()) return;
      deleteTree(work);
      BackupTaken taken;
      try {
        taken = takeBackup.apply(work);
      } catch (FrameException refused) { // PostgreSQL: its own tools back it up
        for (TargetRecord target : due) failed(target, refused.getMessage(), now);
        return;
      }
      try {
        for (TargetRecord target : due) copyInto(target, taken, now);
      } finally {
        deleteTree(work);
      }
    } catch (IOException | RuntimeException e) {
      // most often FRAME is closing: the next look tries again
      log.warn("The scheduled catalogue backup did not finish: {}", e.toString());
    }
  }

  private boolean isDue(TargetRecord target, Instant now) {
    Instant last = record.lastVerified(target.id());
    return last == null || !now.isBefore(last.plus(plan.every()));
  }

  private void copyInto(TargetRecord target, BackupTaken taken, Instant now) {
    String name = taken.folder().getFileName().toString();
    try {
      copies.copy(taken.folder(), targets.of(target));
      record.verified(target.id(), name, taken.takenAt());
      log.info("Catalogue backup {} ({} photos) verified in the archive target {}", name, taken.images(),
          target.name());
    } catch (TargetFault | IOException | UncheckedIOException e) {
      failed(target, "The catalogue backup could not be put into " + target.where() + ": " + e.getMessage(), now);
    }
  }

  private void failed(TargetRecord target, String problem, Instant now) {
    var before = record.of(target.id());
    if (before == null || !problem.equals(before.problem())) { // said once, not every hour
      log.warn("Catalogue backup into the archive target {}: {}", target.name(), problem);
    }
    record.failed(target.id(), problem, now);
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) return;
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  @Override
  public void close() {
    timer.close();
  }
}
