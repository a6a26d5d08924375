package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.jobs.Regeneration;
import frame.core.api.library.Image;
import frame.core.api.library.ImageState;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.server.dto.QueueDto;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "regenerate", mixinStandardHelpOptions = true,
    description = {"Make photos' thumbnails, previews and metadata again (after a bad run, a settings change or a "
        + "new codec), then wait until they are done. Each file is replaced atomically.",
        "The work goes behind fresh imports and uploads."})
final class RegenerateCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  static final class Which {
    @Option(names = "--image", paramLabel = "ID", arity = "1..*", description = "These photos.")
    List<Long> ids;

    @Option(names = "--failed", description = "Every FAILED photo.")
    boolean failed;

    @Option(names = "--all", description = "Every photo.")
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Option(names = "--no-wait", description = "Only queue the work; FRAME does it when it next runs.")
  boolean noWait;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (FrameLibrary frame = noWait ? frameCommand.accessWithoutRunner() : frameCommand.access()) {
      // one request for the whole selection; photos still on their way are waited for, not sent back
      Regeneration done = which.ids != null ? frame.ports().jobs().regenerate(List.copyOf(new LinkedHashSet<>(which.ids)))
          : frame.ports().jobs().regenerateEvery(which.failed ? ImageState.FAILED : null);
      List<Long> sent = done.sentBack();
      List<Long> busy = done.stillProcessing();
      out.printf("Sent %d photo(s) back through the steps", sent.size());
      out.println(busy.isEmpty() ? "." : "; " + busy.size() + " still being processed were left as they are.");
      if (noWait || sent.size() + busy.size() == 0) return 0;
      QueueDto queue = QueueDto.of(frame.ports().queue().overview());
      if (queue.paused() || !queue.pausedTypes().isEmpty()) {
        out.printf("The queue is %s: they are made once it is resumed ('frame queue resume').%n", queue.status());
        return 0;
      }
      List<Long> all = new ArrayList<>(sent);
      all.addAll(busy);
      return waitFor(frame, all, out);
    }
  }

  /**
   * A photo fails with its first failed step while its other steps may still run: done means
   * those ended too, so a stopped folder is left with no half-made work.
   */
  private static boolean stillWorking(FrameLibrary frame, long imageId) {
    return frame.ports().jobs().list(JobQuery.forImage(imageId)).stream().anyMatch(job -> job.state().isActive());
  }

  private int waitFor(FrameLibrary frame, List<Long> ids, PrintWriter out) throws InterruptedException {
    Object changed = new Object();
    Set<Long> left = new LinkedHashSet<>(ids);
    int processed = 0;
    List<Image> failed = new ArrayList<>();
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), ids.size());
    try (AutoCloseable subscription = frame.ports().events().subscribe(event -> {
      synchronized (changed) {
        changed.notifyAll();
      }
    })) {
      while (!left.isEmpty()) {
        for (var it = left.iterator(); it.hasNext(); ) {
          Image image = frame.ports().library().image(it.next());
          if (!image.state().isFinal() || stillWorking(frame, image.id())) continue;
          it.remove();
          if (image.state() == ImageState.PROCESSED) processed++; else failed.add(image);
        }
        progress.showCount(ids.size() - left.size(), "photos done");
        if (left.isEmpty()) break;
        synchronized (changed) {
          changed.wait(250);
        }
      }
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    out.printf("%d photo(s) done: %d processed, %d failed%n", ids.size(), processed, failed.size());
    for (Image image : failed) out.printf("  image %d (%s): %s%n", image.id(), image.originalName(), image.failureReason());
    return failed.isEmpty() ? 0 : 1;
  }
}
