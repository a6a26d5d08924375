package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.Queue;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.server.dto.QueueDto;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "queue", mixinStandardHelpOptions = true,
    description = {"The job queue: whether it is paused, and how many jobs of each type are in each state.",
        "Pause and resume it, all of it or one job type: running jobs finish, nothing new starts; "
            + "the pause is kept until resumed, across restarts."},
    subcommands = {QueueCommand.Pause.class, QueueCommand.Resume.class, QueueWait.class})
final class QueueCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON for scripts.")
  boolean json;

  @Override
  public Integer call() {
    try (FrameLibrary frame = frameCommand.accessWithoutRunner()) {
      print(spec.commandLine().getOut(), QueueDto.of(frame.ports().queue().overview()), json);
      return 0;
    }
  }

  static void print(PrintWriter out, QueueDto queue, boolean json) {
    if (json) {
      out.println(Json.of(queue));
      return;
    }
    out.printf("Queue: %s%n", queue.status());
    out.printf("%-21s", "TYPE");
    for (JobState state : JobState.values()) out.printf(" %9s", state);
    out.println();
    queue.byType().forEach((type, counts) -> {
      out.printf("%-21s", type + (queue.pausedTypes().contains(type) ? " (p)" : ""));
      for (JobState state : JobState.values()) out.printf(" %9d", counts.getOrDefault(state.name(), 0L));
      out.println();
    });
    out.printf("%-21s", "all");
    for (JobState state : JobState.values()) out.printf(" %9d", queue.counts().getOrDefault(state.name(), 0L));
    out.println();
  }

  /** Pause and resume: change the queue, say what changed, then show the queue as it is now. */
  private abstract static class QueueChange implements Callable<Integer> {
    @ParentCommand QueueCommand queue;
    @Spec CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this job type: ${COMPLETION-CANDIDATES}")
    JobType type;

    abstract void change(Queue queue);

    /** The first line printed, once the change is made. */
    abstract String done();

    @Override
    public Integer call() {
      try (FrameLibrary frame = queue.frameCommand.accessWithoutRunner()) {
        change(frame.ports().queue());
        PrintWriter out = spec.commandLine().getOut();
        out.println(done());
        print(out, QueueDto.of(frame.ports().queue().overview()), false);
        return 0;
      }
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Pause the whole queue, or one job type: running jobs finish, nothing new starts.")
  static final class Pause extends QueueChange {
    @Override
    void change(Queue queue) {
      queue.pause(type);
    }

    @Override
    String done() {
      return "Paused %s: running jobs finish, nothing new starts until 'frame queue resume%s'.".formatted(
          type == null ? "the whole queue" : type.name(), type == null ? "" : " --type " + type);
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true,
      description = "Resume one job type, or everything (the whole queue and every paused type).")
  static final class Resume extends QueueChange {
    @Override
    void change(Queue queue) {
      queue.resume(type);
    }

    @Override
    String done() {
      return "Resumed %s.".formatted(type == null ? "everything" : type.name());
    }
  }
}
