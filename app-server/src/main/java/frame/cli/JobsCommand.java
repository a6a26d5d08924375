package frame.cli;

import frame.core.api.Library;
import frame.core.api.jobs.JobDetails;
import frame.core.api.FrameLibrary;
import frame.core.api.jobs.JobQuery;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;
import frame.server.dto.JobDto;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List jobs, newest first.",
    subcommands = {JobsCommand.Show.class, JobsCommand.Retry.class, JobsCommand.Cancel.class})
final class JobsCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--status", paramLabel = "STATE", description = "${COMPLETION-CANDIDATES}")
  JobState status;


  @Option(names = "--type", paramLabel = "TYPE", description = "${COMPLETION-CANDIDATES}")
  JobType type;

  @Option(names = "--image", paramLabel = "ID", description = "Only jobs of this image.")
  Long imageId;

  @Mixin Paging page;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    JobQuery query = new JobQuery(status, type, imageId, page.limit, page.offset);
    try (FrameLibrary frame = frameCommand.access()) {
      Library library = frame.ports().library();
      List<JobDto> jobs = frame.ports().jobs().listWithImages(query).stream()
          .map(j -> JobDto.of(library, j.job(), j.image(), j.imageInTrash(), null)).toList();
      if (page.json) {
        out.println(Json.of(jobs));
        return 0;
      }
      out.printf("%-7s %-21s %-6s %-24s %-9s %-10s %-8s %-11s %s%n", "ID", "TYPE", "IMAGE", "PHOTO", "STATE",
          "PRIORITY", "ATTEMPTS", "INTERRUPTED", "ERROR");
      for (JobDto j : jobs) {
        out.printf("%-7d %-21s %-6s %-24s %-9s %-10s %-8s %-11s %s%n", j.id(), j.type(), j.imageId() == null ? "-" : j.imageId(),
            photoName(j.image()), j.status(), j.priority(), j.attempts() + "/" + j.maxAttempts(),
            j.interruptions() + "/" + j.maxInterruptions(), firstLine(j.lastError()));
      }
      out.printf("%d of %d job(s)%n", jobs.size(), frame.ports().jobs().count(query));
      return 0;
    }
  }

  /** The photo's file name, cut to its column ("…" marks a cut); "-" for a job of no photo. */
  static String photoName(JobDto.Photo photo) {
    if (photo == null || photo.originalName() == null) return "-";
    String name = photo.originalName();
    return name.length() <= 24 ? name : name.substring(0, 23) + "…";
  }

  static String firstLine(String text) {
    if (text == null) return "";
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Everything about one job.")
  static final class Show implements Callable<Integer> {
    @ParentCommand JobsCommand jobs;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The job's id.")
    long id;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (FrameLibrary frame = jobs.frameCommand.access()) {
        JobDetails details = frame.ports().jobs().details(id);
        JobDto j = JobDto.of(frame.ports().library(), details.job(), details.image(), details.imageInTrash(),
            details.attempts());
        if (json) {
          out.println(Json.of(j));
          return 0;
        }
        out.printf("Job %d  %s  %s%n", j.id(), j.type(), j.status());
        out.printf("  image      %s%n", describe(j));
        out.printf("  payload    %s%n", j.payload());
        out.printf("  attempts   %d of %d failed, %d of %d interrupted (FRAME stopped while it ran)%n", j.attempts(),
            j.maxAttempts(), j.interruptions(), j.maxInterruptions());
        out.printf("  priority   %s%n", j.priority());
        out.printf("  locked by  %s at %s (lease until %s, token %d)%n", orDash(j.lockedBy()), orDash(j.lockedAt()),
            orDash(j.leaseUntil()), j.leaseToken());
        out.printf("  created    %s, updated %s, finished %s%n", j.createdAt(), j.updatedAt(), orDash(j.completedAt()));
        out.println("  history");
        for (JobDto.AttemptDto a : j.history()) {
          out.printf("    #%d %-11s %s  %s -> %s  %s%n", a.attempt(), a.outcome(), a.worker(), a.started(),
              orDash(a.ended()), firstLine(a.error()));
        }
        if (j.lastError() != null) out.printf("  last error%n%s%n", j.lastError().indent(4));
        return 0;
      }
    }

    private static String describe(JobDto j) {
      JobDto.Photo p = j.image();
      if (p == null) return j.imageId() == null ? "-" : j.imageId() + " (removed)";
      return "%d  %s  %s %s %dx%d".formatted(p.id(), p.originalName(), p.status(), p.format(), p.width(), p.height());
    }

    private static String orDash(Object value) {
      return value == null ? "-" : value.toString();
    }
  }

  @Command(name = "retry", mixinStandardHelpOptions = true,
      description = {"Retry failed or cancelled jobs: a new attempt now. Their budgets are extended (3 more failed "
          + "attempts, 6 more interruptions), and their history keeps every earlier run."})
  static final class Retry implements Callable<Integer> {
    @ParentCommand JobsCommand jobs;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "The jobs' ids.")
    List<Long> ids;

    @Option(names = "--failed", description = "Every FAILED job (of --type).")
    boolean failed;

    @Option(names = "--type", paramLabel = "TYPE", description = "With --failed: only this type: ${COMPLETION-CANDIDATES}")
    JobType type;

    @Override
    public Integer call() {
      boolean byIds = ids != null && !ids.isEmpty();
      if (byIds == failed) throw new IllegalArgumentException("Give job ids, or --failed [--type TYPE]");
      if (type != null && !failed) throw new IllegalArgumentException("--type goes with --failed");
      PrintWriter out = spec.commandLine().getOut();
      try (FrameLibrary frame = jobs.frameCommand.accessWithoutRunner()) {
        if (failed) {
          List<JobDto> retried = frame.ports().jobs().retryFailed(type).stream().map(j -> JobDto.of(j, null)).toList();
          retried.forEach(j -> printRetried(out, j));
          out.printf("Retried %d failed job(s)%s.%n", retried.size(), type == null ? "" : " of type " + type);
          return 0;
        }
        return eachId(ids, id -> printRetried(out, JobDto.of(frame.ports().jobs().retry(id), null)), spec.commandLine().getErr());
      }
    }

    private static void printRetried(PrintWriter out, JobDto j) {
      out.printf("Job %d (%s, image %s) is due now: attempt %d of %d.%n", j.id(), j.type(),
          j.imageId() == null ? "-" : j.imageId(), j.attempts() + 1, j.maxAttempts());
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true,
      description = "Cancel pending jobs; a cancelled photo's job leaves the photo FAILED (\"cancelled by an admin\").")
  static final class Cancel implements Callable<Integer> {
    @ParentCommand JobsCommand jobs;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "The jobs' ids.")
    List<Long> ids;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (FrameLibrary frame = jobs.frameCommand.accessWithoutRunner()) {
        return eachId(ids, id -> {
          JobDto j = JobDto.of(frame.ports().jobs().cancel(id), null);
          out.printf("Cancelled job %d (%s, image %s).%n", j.id(), j.type(), j.imageId() == null ? "-" : j.imageId());
        }, spec.commandLine().getErr());
      }
    }
  }

  /** Runs {@code action} for each id; a refused one is reported and the rest still done. Exit 1 if any was refused. */
  private static int eachId(List<Long> ids, java.util.function.LongConsumer action, PrintWriter err) {
    int refused = 0;
    for (long id : ids) {
      try {
        action.accept(id);
      } catch (frame.core.api.FrameException e) {
        err.println("frame: " + e.getMessage());
        refused++;
      }
    }
    return refused == 0 ? 0 : 1;
  }
}
