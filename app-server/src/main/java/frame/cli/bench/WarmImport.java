package frame.cli.bench;

import frame.core.Frame;
import frame.core.FrameConfig;
import frame.core.event.FrameEvent;
import frame.core.image.ImageState;
import frame.core.ingest.IngestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A long-running FRAME, as the window is: the photos imported into an open, warmed-up FRAME. */
public final class WarmImport {
  private WarmImport() {}

  /** Imports every photo and waits (on events, not polling) until each is PROCESSED or FAILED; seconds. */
  public static double seconds(Frame frame, List<Path> photos) throws Exception {
    Set<Long> finished = ConcurrentHashMap.newKeySet();
    CountDownLatch allFinal = new CountDownLatch(photos.size());
    Set<Long> ours = ConcurrentHashMap.newKeySet();
    try (AutoCloseable subscription = frame.subscribe(event -> {
      if (event instanceof FrameEvent.ImageChanged c && c.state().isFinal() && finished.add(c.imageId())) allFinal.countDown();
    })) {
      long start = System.nanoTime();
      for (Path photo : photos) {
        if (frame.importFile(photo) instanceof IngestResult.Stored stored) ours.add(stored.image().id());
        else allFinal.countDown(); // a duplicate or a rejected file has nothing to wait for
      }
      while (!allFinal.await(2, TimeUnit.SECONDS)) {
        // an event may have gone out before its id was known: the database settles it
        if (ours.stream().allMatch(id -> frame.image(id).state().isFinal())) break;
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** Warmed on the same photos in a throwaway data folder, then measured in a fresh one. */
  public static Result measure(List<Path> photos, int workers, ScratchFolders scratch) throws Exception {
    try (Frame warmUp = Frame.open(FrameConfig.inDataDir(scratch.make("frame-bench-warmup")).withWorkers(workers))) {
      seconds(warmUp, photos);
    }
    try (Frame frame = Frame.open(FrameConfig.inDataDir(scratch.make("frame-bench-warm")).withWorkers(workers))) {
      double seconds = seconds(frame, photos);
      return new Result(seconds, frame.countImages(ImageState.FAILED));
    }
  }

  public record Result(double seconds, long failed) {}
}
