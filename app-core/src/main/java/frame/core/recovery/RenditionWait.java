package frame.core.recovery;

import frame.core.api.Events;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.ImageFormat;
import frame.core.api.library.ImageState;
import frame.core.archive.Originals;
import frame.core.image.ImageRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a recover in step with the job runner: at most a window of recovered photos wait for
 * their renditions at once, so the originals fetched for them (kept where the runner finds them)
 * take bounded room, and each is dropped once its photo's renditions are made.
 */
final class RenditionWait implements AutoCloseable {
  private record Kept(long imageId, String sha256, ImageFormat format) {}

  private final ImageRepository images;
  private final RecoveredRows rows;
  private final Originals originals;
  private final Semaphore changed = new Semaphore(0);
  private final Events.Subscription subscription;
  private final List<Kept> kept = new ArrayList<>();

  RenditionWait(Events events, ImageRepository images, RecoveredRows rows, Originals originals) {
    this.images = images;
    this.rows = rows;
    this.originals = originals;
    this.subscription = events.subscribe(event -> {
      if (event instanceof FrameEvent.ImageChanged) changed.release();
    });
  }

  /** A photo whose original was kept in the fetched-originals cache for the runner. */
  void kept(long imageId, String sha256, ImageFormat format) {
    kept.add(new Kept(imageId, sha256, format));
  }

  /** Waits until at most {@code window} photos still wait for renditions; reports while it waits. */
  void untilAtMost(long window, Runnable report) throws InterruptedException {
    dropFinished();
    while (rows.unfinished() > window) {
      // an event says a photo moved on; the timeout covers one made by another node
      if (changed.tryAcquire(1, TimeUnit.SECONDS)) changed.drainPermits();
      report.run();
      dropFinished();
    }
    dropFinished();
  }

  private void dropFinished() {
    for (Iterator<Kept> it = kept.iterator(); it.hasNext(); ) {
      Kept one = it.next();
      ImageState state = images.find(one.imageId()).map(i -> i.state()).orElse(ImageState.FAILED);
      if (!state.isProcessed() && state != ImageState.FAILED) continue;
      try {
        originals.forgetFetched(one.sha256(), one.format());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      it.remove();
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
