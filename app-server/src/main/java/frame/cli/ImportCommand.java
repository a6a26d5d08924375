package frame.cli;

import frame.core.api.FrameLibrary;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import frame.core.api.culling.ImportBatch;
import frame.core.api.imports.ImportSources;
import frame.core.api.events.FrameEvent;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobType;
import frame.core.api.jobs.QueueState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import photos and folders (recursively), wait until every photo is processed, then summarise.",
        "Exit code 0 when all went in, 1 when any file was rejected or failed, 2 for a path that does not exist."})
final class ImportCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Photo files and folders.")
  List<Path> paths;

  @Option(names = "--json", description = "Print the summary as JSON for scripts.")
  boolean json;
  @Option(names = "--include-deleted",
      description = "Bring back photos deleted for good before (normally skipped: \"deleted on DATE\").")
  boolean includeDeleted;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    for (Path path : paths) { // a typo is a usage error, not a rejected photo
      if (!Files.exists(path)) throw new ParameterException(spec.commandLine(), "No such file or folder: " + path);
    }
    List<Path> files = ImportSources.expand(paths);
    JobPriority priority = ImportSources.priorityFor(files.size()); // a large import goes behind photos dropped meanwhile
    ImportBatch batch = ImportBatch.forSources(paths).includingDeleted(includeDeleted);
    try (FrameLibrary frame = frameCommand.access()) {
      ImportWatch watch = new ImportWatch();
      List<IngestResult> results = new ArrayList<>();
      ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), files.size());
      try (AutoCloseable subscription = frame.ports().events().subscribe(watch::onEvent)) {
        for (Path file : files) {
          IngestResult result = frame.ports().imports().importFile(file, priority, batch);
          results.add(result);
          if (result instanceof IngestResult.Stored stored) watch.expect(stored.image().id());
          progress.show(results.size(), watch);
        }
        QueueState queue = frame.ports().queue().overview().state();
        if (queue.holdsBackProcessing()) return storedWhilePaused(out, queue.describe(), results);
        while (!watch.allFinal(frame)) {
          progress.show(results.size(), watch);
          watch.awaitChange();
        }
        progress.finish(results.size(), watch);
      }
      ImportSummary summary = new ImportSummary(results, watch, frame);
      return json ? summary.printJson(out, progress.elapsedSeconds()) : summary.print(out, progress.elapsedSeconds());
    }
  }

  /** Paused: waiting would never end, so say what was stored and that the rest waits for a resume. */
  private static int storedWhilePaused(PrintWriter out, String queue, List<IngestResult> results) {
    long stored = results.stream().filter(r -> r instanceof IngestResult.Stored).count();
    long rejected = results.stream().filter(r -> r instanceof IngestResult.Rejected).count();
    out.printf("Stored %d photo(s) (%d duplicate, %d rejected). The queue is %s: they are processed once it is "
        + "resumed ('frame queue resume').%n", stored, results.size() - stored - rejected, rejected,
        queue);
    results.stream().filter(r -> r instanceof IngestResult.Rejected).map(r -> (IngestResult.Rejected) r)
        .forEach(r -> out.printf("      %s: %s%n", r.name(), r.reason()));
    return rejected == 0 ? 0 : 1;
  }

  /** A photo of this import reached PROCESSED or FAILED. */
  static final class ImportWatch {
    private final Set<Long> expected = ConcurrentHashMap.newKeySet();
    private final Map<Long, ImageState> finalStates = new ConcurrentHashMap<>();
    private final AtomicInteger jobsDone = new AtomicInteger();
    private final Set<Long> settled = new java.util.HashSet<>();
    private long lastCheck;

    void expect(long imageId) {
      expected.add(imageId);
    }

    synchronized void onEvent(FrameEvent event) {
      if (event instanceof FrameEvent.ImageChanged c && c.state().isFinal()) finalStates.put(c.imageId(), c.state());
      if (event instanceof FrameEvent.JobChanged j && !j.state().isActive()) jobsDone.incrementAndGet();
      notifyAll();
    }

    synchronized void awaitChange() throws InterruptedException {
      wait(250);
    }

    int jobsDone() {
      return jobsDone.get();
    }

    int expectedJobs() {
      return expected.size() * 4;
    }

    long finished() {
      return expected.stream().filter(finalStates::containsKey).count();
    }

    int expectedImages() {
      return expected.size();
    }

    /**
     * Events say most; every two seconds the database settles the rest (an event may precede expect()).
     * A FAILED photo's other steps may still be running: the import waits for them too, so its last
     * line counts every job.
     */
    boolean allFinal(FrameLibrary frame) {
      if (!finalStates.keySet().containsAll(expected)) {
        long now = System.nanoTime();
        if (now - lastCheck < 2_000_000_000L) return false;
        lastCheck = now;
        for (long id : expected) {
          if (finalStates.containsKey(id)) continue;
          Image image = frame.ports().library().image(id);
          if (image.state().isFinal()) finalStates.put(id, image.state());
        }
        if (!finalStates.keySet().containsAll(expected)) return false;
      }
      finalStates.forEach((id, state) -> {
        if (state == ImageState.FAILED && !settled.contains(id) && !stepsRunning(frame, id)) settled.add(id);
      });
      boolean done = finalStates.entrySet().stream()
          .allMatch(e -> e.getValue() != ImageState.FAILED || settled.contains(e.getKey()));
      if (done) jobsDone.accumulateAndGet(expectedJobs(), Math::max); // a failed photo never makes all four
      return done;
    }

    private static boolean stepsRunning(FrameLibrary frame, long imageId) {
      return frame.ports().jobs().list(JobQuery.forImage(imageId)).stream()
          .anyMatch(job -> job.state().isActive() && isStep(job.type()));
    }

    /** The four steps of {@link #expectedJobs}: storing the original, then the three derived files. */
    private static boolean isStep(JobType type) {
      return type == JobType.OFFLOAD_ORIGINAL || JobType.DERIVED.contains(type);
    }
  }
}
