package frame.cli.bench;

import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.core.api.events.FrameEvent;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drop-to-thumbnail on an idle app: from the import call to the 256 px thumbnail on disk and its
 * event sent, one photo at a time into a warmed-up FRAME that has nothing else to do.
 */
public final class LatencyFigure {
  private LatencyFigure() {}

  /** Milliseconds for each photo, sorted. {@code photos} are copied first so each is new to the store. */
  public static List<Double> measure(List<Path> photos, int workers, ScratchFolders scratch) throws Exception {
    Path copies = scratch.make("frame-bench-latency-photos");
    List<Path> fresh = new ArrayList<>();
    int n = 0;
    for (Path photo : photos) {
      for (int round = 0; round < 2; round++) { // the first round warms up
        fresh.add(Files.write(copies.resolve(n + ".jpg"), DistinctCopies.of(Files.readAllBytes(photo), n)));
        n++;
      }
    }
    List<Double> millis = new ArrayList<>();
    try (FrameLibrary frame = FrameLibrary.open(FrameConfig.inDataDir(scratch.make("frame-bench-latency")).withWorkers(workers))) {
      for (int i = 0; i < fresh.size(); i++) {
        double ms = dropToThumbnail(frame, fresh.get(i));
        if (i % 2 == 1 && ms >= 0) millis.add(ms);
      }
    }
    Collections.sort(millis);
    return millis;
  }

  private static double dropToThumbnail(FrameLibrary frame, Path photo) throws Exception {
    CountDownLatch thumbnail = new CountDownLatch(1);
    CountDownLatch idle = new CountDownLatch(1);
    long[] imageId = {-1};
    try (AutoCloseable subscription = frame.ports().events().subscribe(event -> {
      if (event instanceof FrameEvent.JobChanged j && j.imageId() != null && j.imageId() == imageId[0]
          && j.state() == JobState.COMPLETED) {
        if (j.type() == JobType.THUMBNAIL_GENERATION) thumbnail.countDown();
      }
      if (event instanceof FrameEvent.ImageChanged c && c.imageId() == imageId[0] && c.state().isFinal()) idle.countDown();
    })) {
      long start = System.nanoTime();
      IngestResult result = frame.ports().imports().importFile(photo);
      if (!(result instanceof IngestResult.Stored stored)) return -1;
      imageId[0] = stored.image().id();
      boolean done = !frame.ports().library().files(stored.image()).thumbnail(256).isEmpty() || thumbnail.await(60, TimeUnit.SECONDS);
      double ms = (System.nanoTime() - start) / 1e6;
      // the next photo is dropped on an idle app again (the database settles an event sent before the id was known)
      while (!idle.await(1, TimeUnit.SECONDS) && !frame.ports().library().image(imageId[0]).state().isFinal()) {
        // waiting for the preview and EXIF jobs
      }
      return done ? ms : -1;
    }
  }
}
