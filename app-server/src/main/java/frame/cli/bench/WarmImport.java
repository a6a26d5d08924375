package frame.cli.bench;

import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.JobState;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A long-running FRAME, as the window is: the photos imported into an open, warmed-up FRAME. */
public final class WarmImport {
  private WarmImport() {}

  /** Imports every photo and waits (on events, not polling) until each is PROCESSED or FAILED; seconds. */
  public static double seconds(FrameLibrary frame, List<Path> photos) throws Exception {
    Set<Long> finished = ConcurrentHashMap.newKeySet();
    CountDownLatch allFinal = new CountDownLatch(photos.size());
    Set<Long> ours = ConcurrentHashMap.newKeySet();
    try (AutoCloseable subscription = frame.ports().events().subscribe(event -> {
      if (event instanceof FrameEvent.ImageChanged c && c.state().isFinal() && finished.add(c.imageId())) allFinal.countDown();
    })) {
      long start = System.nanoTime();
      for (Path photo : photos) {
        if (frame.ports().imports().importFile(photo) instanceof IngestResult.Stored stored) ours.add(stored.image().id());
        else allFinal.countDown(); // a duplicate or a rejected file has nothing to wait for
      }
      while (!allFinal.await(2, TimeUnit.SECONDS)) {
        // an event may have gone out before its id was known: the database settles it
        if (ours.stream().allMatch(id -> frame.ports().library().image(id).state().isFinal())) break;
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** How many rounds of the photos warm up (until steady, within bounds) and how many are measured. */
  public record Rounds(int minWarmUp, int maxWarmUp, int measured) {
    /** Figure 1: the JIT at its steady state, as in a window that has been open a while; the median of three. */
    public static final Rounds STEADY = new Rounds(3, 12, 3);
    /** One warm-up round, one measured (the 24 MP heap check, which is about memory, not speed). */
    public static final Rounds ONE = new Rounds(1, 1, 1);
  }

  /**
   * One FRAME kept open throughout, fed distinct copies of the photos round after round: warm-up
   * rounds until a round is no longer 3 % faster than the best before it (twice in a row), then
   * the measured rounds; the median of those. Copies, because the store would take each photo once.
   */
  public static Result measure(List<Path> photos, int workers, ScratchFolders scratch, Rounds rounds) throws Exception {
    try (FrameLibrary frame = FrameLibrary.open(FrameConfig.inDataDir(scratch.make("frame-bench-warm")).withWorkers(workers))) {
      int warmUpRounds = SteadyWarmUp.run(rounds.minWarmUp(), rounds.maxWarmUp(), n -> round(frame, photos, scratch, n));
      int round = warmUpRounds;
      List<Double> measured = new ArrayList<>();
      for (int i = 0; i < rounds.measured(); i++) measured.add(round(frame, photos, scratch, round++));
      Collections.sort(measured);
      // work a round left behind (analysis jobs where they run at background priority) is not in its time
      Map<JobState, Long> jobs = frame.ports().jobs().countsByState();
      long leftQueued = jobs.getOrDefault(JobState.PENDING, 0L) + jobs.getOrDefault(JobState.RUNNING, 0L);
      return new Result(measured.get(measured.size() / 2), frame.ports().library().countIn(ImageState.FAILED), warmUpRounds,
          leftQueued);
    }
  }

  private static double round(FrameLibrary frame, List<Path> photos, ScratchFolders scratch, int round) throws Exception {
    Path dir = scratch.make("frame-bench-warm-copies");
    List<Path> copies = DistinctCopies.write(photos, dir, round);
    double seconds = seconds(frame, copies);
    for (Path copy : copies) Files.delete(copy); // the store has its own copy; keep the temp folder small
    return seconds;
  }

  /**
   * The median round's seconds, the photos that failed in any round, how many rounds warmed up,
   * and how many jobs were still queued or running when the last round's photos were all done.
   */
  public record Result(double seconds, long failed, int warmUpRounds, long leftQueued) {}
}
