package frame.cli;

import frame.core.api.Events;
import frame.core.api.FrameLibrary;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.events.FrameEvent;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueOverview;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code frame queue wait}: runs the queue until no job waits or runs. {@code frame import} returns
 * once its photos are PROCESSED; their background jobs (archive copies, analysis) stay queued for
 * the next FRAME that runs jobs. This is that FRAME for a script: import, wait, then
 * {@code frame safe}. It stops early, with exit 1, where waiting would never end.
 */
@Command(name = "wait", mixinStandardHelpOptions = true,
    description = {"Run the queue until no job is waiting or running, then exit 0: the background work (archive copies,"
        + " analysis) that 'frame import' leaves queued when its photos are processed.",
        "Exit 1 when what is left is paused, waits for an archive target that is not reachable, or --timeout passes."})
final class QueueWait implements Callable<Integer> {
  /** The overview is read at most this often, however many jobs end meanwhile. */
  private static final long READ_EVERY_MILLIS = 100;

  @ParentCommand QueueCommand queue;
  @Spec CommandSpec spec;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
      description = "Give up after this many seconds (default: no limit).")
  long timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    long deadline = timeoutSeconds > 0 ? System.nanoTime() + timeoutSeconds * 1_000_000_000L : Long.MAX_VALUE;
    JobEnded jobEnded = new JobEnded();
    try (FrameLibrary frame = queue.frameCommand.access();
         Events.Subscription subscription = frame.ports().events().subscribe(jobEnded::onEvent)) {
      while (true) {
        QueueOverview overview = frame.ports().queue().overview();
        Map<JobType, Long> left = active(overview);
        if (left.isEmpty()) {
          out.println("No job is waiting or running.");
          return 0;
        }
        // a paused type waits for a resume; the wait ends when nothing else is left to run
        if (left.keySet().stream().allMatch(overview.state()::paused)) return stop(out, left, "paused (" + overview.state().describe() + "): 'frame queue resume'");
        if (left.keySet().equals(java.util.Set.of(JobType.ARCHIVE_ORIGINAL))) {
          List<ArchiveTarget> away = frame.ports().archive().status().targets().stream()
              .filter(t -> !t.reachable() && t.backlog() > 0).toList();
          if (!away.isEmpty()) {
            return stop(out, left, "waiting for " + String.join("; ", away.stream()
                .map(t -> "the archive target " + t.name() + ", not reachable: " + t.problem()).toList()));
          }
        }
        if (System.nanoTime() > deadline) return stop(out, left, "still going after " + timeoutSeconds + " s");
        jobEnded.await();
      }
    }
  }

  /** Wakes the loop when a job ends; a burst of jobs ending makes one read of the overview, not one each. */
  private static final class JobEnded {
    private boolean ended;
    private long lastRead = System.nanoTime();

    synchronized void onEvent(FrameEvent event) {
      if (event instanceof FrameEvent.JobChanged job && !job.state().isActive()) {
        ended = true;
        notifyAll();
      }
    }

    /** Until a job ended (at most a second: the overview settles what events missed), and not sooner than the read interval. */
    synchronized void await() throws InterruptedException {
      long giveUp = System.nanoTime() + 1_000_000_000L;
      while (!ended && System.nanoTime() < giveUp) wait(Math.max(1, (giveUp - System.nanoTime()) / 1_000_000));
      long soonest = lastRead + READ_EVERY_MILLIS * 1_000_000;
      while (System.nanoTime() < soonest) wait(Math.max(1, (soonest - System.nanoTime()) / 1_000_000));
      ended = false;
      lastRead = System.nanoTime();
    }
  }

  /** Jobs waiting or running, per type. */
  private static Map<JobType, Long> active(QueueOverview overview) {
    Map<JobType, Long> left = new TreeMap<>();
    overview.counts().forEach((type, byState) -> {
      long n = byState.getOrDefault(JobState.PENDING, 0L) + byState.getOrDefault(JobState.RUNNING, 0L);
      if (n > 0) left.put(type, n);
    });
    return left;
  }

  private static int stop(PrintWriter out, Map<JobType, Long> left, String why) {
    out.printf("Stopped waiting: %s. Left: %s.%n", why, String.join(", ",
        left.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
    return 1;
  }
}
