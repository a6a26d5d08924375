package frame.cli;

import frame.core.image.Image;
import frame.core.image.ImageQuery;
import frame.core.image.ImageState;
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
    try (FrameAccess frame = noWait ? frameCommand.accessWithoutRunner() : frameCommand.access()) {
      List<Long> sent = new ArrayList<>();
      List<Long> busy = new ArrayList<>(); // still on their way through the steps: waited for, not sent back
      if (which.ids != null) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(which.ids));
        ids.forEach(frame::image); // every id known, or nothing sent back
        for (long id : ids) {
          if (frame.regenerate(id)) sent.add(id); else busy.add(id);
        }
      } else {
        for (long id : idsIn(frame, which.failed ? ImageState.FAILED : null)) {
          if (frame.regenerate(id)) sent.add(id);
        }
        if (which.all) busy.addAll(inProgress(frame, sent));
      }
      out.printf("Sent %d photo(s) back through the steps", sent.size());
      out.println(busy.isEmpty() ? "." : "; " + busy.size() + " still being processed were left as they are.");
      if (noWait || sent.size() + busy.size() == 0) return 0;
      QueueDto queue = frame.queue();
      if (queue.paused() || !queue.pausedTypes().isEmpty()) {
        out.printf("The queue is %s: they are made once it is resumed ('frame queue resume').%n", queue.status());
        return 0;
      }
      List<Long> all = new ArrayList<>(sent);
      all.addAll(busy);
      return waitFor(frame, all, out);
    }
  }

  /** The ids of every photo in {@code state} (every photo when it is null), a page at a time. */
  private static List<Long> idsIn(FrameAccess frame, ImageState state) {
    List<Long> ids = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      List<Image> page = frame.images(new ImageQuery(state, 1000, offset)).items();
      page.stream().map(Image::id).forEach(ids::add);
      if (page.size() < 1000) return ids;
    }
  }

  /** Photos not yet PROCESSED or FAILED, other than {@code sent}. */
  private static List<Long> inProgress(FrameAccess frame, List<Long> sent) {
    Set<Long> skip = Set.copyOf(sent);
    List<Long> ids = new ArrayList<>();
    for (ImageState state : List.of(ImageState.UPLOADED, ImageState.INGESTED, ImageState.PROCESSING)) {
      idsIn(frame, state).stream().filter(id -> !skip.contains(id)).forEach(ids::add);
    }
    return ids;
  }

  private int waitFor(FrameAccess frame, List<Long> ids, PrintWriter out) throws InterruptedException {
    Object changed = new Object();
    Set<Long> left = new LinkedHashSet<>(ids);
    int processed = 0;
    List<Image> failed = new ArrayList<>();
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), ids.size());
    try (AutoCloseable subscription = frame.subscribe(event -> {
      synchronized (changed) {
        changed.notifyAll();
      }
    })) {
      while (!left.isEmpty()) {
        for (var it = left.iterator(); it.hasNext(); ) {
          Image image = frame.image(it.next());
          if (!image.state().isFinal()) continue;
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
