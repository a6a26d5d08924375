package frame.core.archive;

import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.image.ImageRepository;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the sidecars on the targets saying what the catalogue says: when a photo's stars, flag or
 * label change, or it goes to the trash or comes back, each sidecar of it is read and, when it
 * differs, written again. Best effort, on a thread of its own: a target that is away keeps its
 * old sidecar until the photo changes again (the original and its copy are not affected).
 */
final class SidecarRefresh implements Consumer<FrameEvent>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SidecarRefresh.class);

  private final ArchiveRepository archive;
  private final ImageRepository images;
  private final Targets targets;
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "frame-sidecars");
    thread.setDaemon(true);
    return thread;
  });

  SidecarRefresh(ArchiveRepository archive, ImageRepository images, Targets targets) {
    this.archive = archive;
    this.images = images;
    this.targets = targets;
  }

  @Override
  public void accept(FrameEvent event) {
    long imageId = switch (event) {
      case FrameEvent.ImageMarked marked -> marked.imageId();
      case FrameEvent.ImageChanged changed -> changed.imageId();
      case FrameEvent.JobChanged ignored -> -1;
    };
    // one rewrite per photo however many changes are waiting: the rewrite reads the newest marks
    if (imageId < 0 || worker.isShutdown() || !queued.add(imageId)) return;
    worker.execute(() -> {
      queued.remove(imageId);
      refresh(imageId);
    });
  }

  /** Rewrites the sidecars of one photo that differ from what the catalogue says now. */
  void refresh(long imageId) {
    Optional<Image> image = images.find(imageId);
    if (image.isEmpty()) return;
    var copies = archive.storedCopies(imageId);
    if (copies.isEmpty()) return;
    byte[] wanted = Sidecar.of(image.get(), archive.sidecarMarks(imageId));
    for (ArchiveRepository.StoredCopy copy : copies) {
      TargetRecord record = archive.target(copy.targetId()).orElse(null);
      if (record == null) continue;
      try {
        Target target = targets.of(record);
        if (target.sidecar(copy.key()).map(now -> Arrays.equals(now, wanted)).orElse(false)) continue;
        target.writeSidecar(copy.key(), wanted);
      } catch (Exception e) {
        log.info("The sidecar of photo {} on {} keeps its earlier marks for now: {}", imageId, record.name(),
            e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
