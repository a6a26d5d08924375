package frame.core.archive;

import frame.core.api.archive.ScrubReport;
import frame.core.event.EventBus;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.scheduling.BackgroundPriority;
import frame.core.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads local originals and archive copies and compares each with the photo's SHA-256. A bad
 * one (different bytes, or gone) is mended from a good one and read back again; a copy that
 * cannot be mended is forgotten, so the photo is no longer counted as STORED and a new copy is
 * queued. A photo left with no good copy anywhere is named by every scrub, sampled or not, until it
 * is mended or removed. Runs on a thread of its own at background priority.
 */
final class Scrubber {
  private static final Logger log = LoggerFactory.getLogger(Scrubber.class);

  private final ArchiveRepository archive;
  private final ArchiveJobs steps;
  private final Targets targets;
  private final FileStore store;
  private final EventBus events;
  private final Clock clock;

  Scrubber(ArchiveRepository archive, ArchiveJobs steps, Targets targets, FileStore store, EventBus events, Clock clock) {
    this.archive = archive;
    this.steps = steps;
    this.targets = targets;
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  ScrubReport scrub(int samplePercent) {
    ScrubReport[] result = new ScrubReport[1];
    RuntimeException[] failure = new RuntimeException[1];
    Thread worker = new Thread(() -> {
      BackgroundPriority.lowerCurrentThread();
      try {
        result[0] = scrubHere(samplePercent);
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    }, "frame-scrub");
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The scrub was interrupted", e);
    }
    if (failure[0] != null) throw failure[0];
    return result[0];
  }

  private ScrubReport scrubHere(int samplePercent) {
    List<Image> photos = new ArrayList<>(archive.archivable());
    if (samplePercent < 100) {
      Collections.shuffle(photos, ThreadLocalRandom.current());
      photos = photos.subList(0, (int) Math.ceil(photos.size() * samplePercent / 100.0));
    }
    List<ScrubReport.Finding> bad = new ArrayList<>();
    int read = 0;
    for (Image image : photos) {
      read += scrubOne(image, bad);
    }
    for (Image lost : archive.withoutGoodCopy()) {
      if (bad.stream().noneMatch(finding -> finding.imageId() == lost.id())) {
        bad.add(new ScrubReport.Finding(lost.id(), nameOf(lost), "this computer and the archive", "no good copy"
            + " anywhere: the local original is freed or damaged and no archive copy is left", "cannot mend: import"
            + " the same file again, or remove the photo"));
      }
    }
    return new ScrubReport(photos.size(), read, bad);
  }

  /** Checks one photo's original and copies; returns how many it read. */
  private int scrubOne(Image image, List<ScrubReport.Finding> bad) {
    int read = 0;
    String name = nameOf(image);
    Path local = store.original(image.sha256(), image.format());
    boolean localBad = false;
    if (!archive.isFreed(image.id())) {
      read++;
      localBad = !matches(local, image.sha256());
    }
    List<ArchiveRepository.StoredCopy> copies = archive.storedCopies(image.id());
    List<ArchiveRepository.StoredCopy> badCopies = new ArrayList<>();
    Optional<Path> good = localBad || archive.isFreed(image.id()) ? Optional.empty() : Optional.of(local);
    for (ArchiveRepository.StoredCopy copy : copies) {
      TargetRecord record = archive.target(copy.targetId()).orElse(null);
      if (record == null) continue;
      read++;
      try (InputStream in = targets.of(record).read(copy.key())) {
        if (!ArchiveHandler.hash(in).sha256().equals(image.sha256())) badCopies.add(copy);
        else if (good.isEmpty()) good = fetchGood(record, copy, image);
      } catch (NoSuchFileException gone) {
        badCopies.add(copy);
      } catch (IOException | TargetFault e) {
        log.info("Scrub could not read the copy of {} on {}: {}", name, record.name(), e.getMessage());
      }
    }
    if (localBad) {
      bad.add(new ScrubReport.Finding(image.id(), name, "this computer", "the local original differs from its SHA-256",
          mendLocal(image, local, good)));
    } else if (!archive.isFreed(image.id()) && archive.isDamaged(image.id())) {
      archive.markMended(image.id()); // its bytes were put back since (by hand): a place again
    }
    for (ArchiveRepository.StoredCopy copy : badCopies) {
      TargetRecord record = archive.target(copy.targetId()).orElseThrow();
      bad.add(new ScrubReport.Finding(image.id(), name, record.name(), "the copy differs from the original or is gone",
          mendCopy(image, record, copy, good)));
    }
    good.filter(path -> !path.equals(local)).ifPresent(Scrubber::deleteQuietly);
    return read;
  }

  private static String nameOf(Image image) {
    return image.originalName() == null ? "photo " + image.id() : image.originalName();
  }

  /**
   * Rewrites a damaged local original from a good copy. Either way the catalogue is told, so an
   * import of the same bytes knows to put them back without re-reading the file.
   */
  private String mendLocal(Image image, Path local, Optional<Path> good) {
    if (good.isEmpty()) return stillDamaged(image, "could not mend: no good copy anywhere");
    try {
      store.writeAtomically(local, out -> Files.copy(good.get(), out));
      if (!matches(local, image.sha256())) return stillDamaged(image, "could not mend: the rewrite did not match");
      archive.markMended(image.id());
      return "mended from the archive";
    } catch (IOException e) {
      return stillDamaged(image, "could not mend: " + e.getMessage());
    }
  }

  private String stillDamaged(Image image, String why) {
    archive.markDamaged(image.id(), clock.instant());
    return why;
  }

  private String mendCopy(Image image, TargetRecord record, ArchiveRepository.StoredCopy copy, Optional<Path> good) {
    try {
      if (good.isEmpty()) throw new IOException("no good copy anywhere");
      Target target = targets.of(record);
      target.overwrite(copy.key(), good.get());
      ArchiveHandler.Read back = ArchiveHandler.readBack(target, copy.key(), record);
      if (!back.sha256().equals(image.sha256())) throw new IOException("the rewritten copy still differs");
      archive.recordCopy(image.id(), record.id(), copy.key(), back.size(), back.sha256(), clock.instant(),
          target.verifiedHow());
      return "mended from a good copy and read back";
    } catch (IOException | RuntimeException e) {
      forget(image, record);
      if (good.isEmpty()) return "could not mend: no good copy anywhere; the copy is no longer counted";
      return "could not mend (" + e.getMessage() + "): the copy is no longer counted and a new one is queued";
    }
  }

  private void forget(Image image, TargetRecord record) {
    List<FrameEvent> published = new ArrayList<>();
    archive.jdbc().inTransaction(tx -> {
      archive.forgetCopy(tx, image.id(), record.id());
      steps.settle(tx, image.id(), clock.instant(), published);
      return null;
    });
    published.forEach(events::publish);
  }

  private Optional<Path> fetchGood(TargetRecord record, ArchiveRepository.StoredCopy copy, Image image) {
    try {
      Path temp = Files.createTempFile(store.root(), ".scrub-", ".part");
      try (InputStream in = targets.of(record).read(copy.key())) {
        Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (matches(temp, image.sha256())) return Optional.of(temp);
      deleteQuietly(temp);
    } catch (IOException | RuntimeException e) {
      log.info("Scrub could not fetch a good copy from {}: {}", record.name(), e.getMessage());
    }
    return Optional.empty();
  }

  private static boolean matches(Path file, String sha256) {
    try (InputStream in = Files.newInputStream(file)) {
      return ArchiveHandler.hash(in).sha256().equals(sha256);
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("Could not remove {}", file, e);
    }
  }
}
