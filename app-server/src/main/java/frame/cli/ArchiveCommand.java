package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.Archive;
import frame.core.api.archive.ArchiveCredentials;
import frame.core.api.archive.ArchiveStatus;
import frame.core.api.archive.ArchiveTarget;
import frame.core.api.archive.FreeReport;
import frame.core.api.archive.NewArchiveTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "archive", mixinStandardHelpOptions = true,
    description = "Archive targets that hold a second, verified copy of every original: list them (default), add, remove, free local space.",
    subcommands = {ArchiveCommand.Add.class, ArchiveCommand.Remove.class, ArchiveCommand.Free.class})
final class ArchiveCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;
  @Option(names = "--json", description = "Print the archive as JSON (never with credentials).") boolean json;

  @Override
  public Integer call() {
    try (FrameLibrary frame = frameCommand.access()) {
      ArchiveStatus status = frame.ports().archive().status();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.of(status));
        return 0;
      }
      if (status.targets().isEmpty()) out.println("No archive targets.");
      for (ArchiveTarget target : status.targets()) {
        String where = target.bucket() == null ? target.location()
            : target.location() + " bucket " + target.bucket() + (target.prefix() == null ? "" : " prefix " + target.prefix());
        out.printf("%-12s %-6s %s%n", target.name(), target.kind(), where);
        out.printf("             %s · %d copies (%s) · %d waiting%n",
            target.reachable() ? "reachable" : "NOT REACHABLE: " + target.problem(), target.copies(),
            size(target.copiedBytes()), target.backlog());
        if (target.catalogue() != null) out.printf("             %s%n", catalogue(target.catalogue()));
      }
      for (java.util.List<String> names : status.samePlace()) {
        out.printf("WARNING: %s are one place: their copies count once. Remove all but one (frame archive remove %s)"
            + " and add a target on another disk.%n", String.join(" and ", names), names.get(names.size() - 1));
      }
      out.printf("%d photos · %d stored in every target · %d in one place only · %d with no good copy%n",
          status.photos(), status.stored(), status.onePlaceOnly(), status.noGoodCopy());
      if (status.advice() != null) out.println(status.advice());
      return 0;
    }
  }

  /** The last daily catalogue backup kept in a target, and the last failure if there is one. */
  static String catalogue(frame.core.api.archive.CatalogueOnTarget kept) {
    String last = kept.name() == null ? "catalogue backup: none yet"
        : "catalogue backup: " + kept.name() + " (taken " + kept.takenAt() + ")";
    return kept.problem() == null ? last : last + " · last try failed: " + kept.problem();
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a target: an S3-compatible bucket (credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
          + " or --credentials-file) or a folder (an external disk, a mounted NAS share).")
  static final class Add implements Callable<Integer> {
    @ParentCommand ArchiveCommand archive;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "A short name: nas, usb-disk, b2.") String name;
    @ArgGroup(exclusive = true, multiplicity = "1") Where where;
    @Option(names = "--bucket", paramLabel = "BUCKET") String bucket;
    @Option(names = "--prefix", paramLabel = "P", description = "Keys start with this (default: none).") String prefix;
    @Option(names = "--region", paramLabel = "R", description = "Default: AWS_REGION, else us-east-1.") String region;
    @Option(names = "--credentials-file", paramLabel = "F",
        description = "aws_access_key_id and aws_secret_access_key lines (the AWS credentials file's form).") Path credentialsFile;

    static final class Where {
      @Option(names = "--s3", paramLabel = "ENDPOINT_URL", required = true) String s3;
      @Option(names = "--folder", paramLabel = "DIR", required = true) Path folder;
    }

    @Override
    public Integer call() throws IOException {
      NewArchiveTarget target;
      if (where.folder != null) {
        target = NewArchiveTarget.folder(name, where.folder.toAbsolutePath().toString());
      } else {
        Optional<ArchiveCredentials> keys = credentials(System.getenv());
        if (keys.isEmpty()) {
          spec.commandLine().getErr().println("frame: an S3 target needs credentials: set AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, or give --credentials-file");
          return 2;
        }
        if (bucket == null) {
          spec.commandLine().getErr().println("frame: an S3 target needs --bucket");
          return 2;
        }
        String chosenRegion = region != null ? region : System.getenv("AWS_REGION");
        target = NewArchiveTarget.s3(name, where.s3, bucket, prefix, chosenRegion, keys.get());
      }
      try (FrameLibrary frame = archive.frameCommand.access()) {
        ArchiveTarget added = frame.ports().archive().add(target);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Added the archive target " + added.name() + ": every photo gets a verified copy there.");
        if (!added.reachable()) {
          out.println("It cannot be used yet: " + added.problem() + ". Copies wait and are made once it can.");
        }
        return 0;
      }
    }

    private Optional<ArchiveCredentials> credentials(Map<String, String> env) throws IOException {
      return ArchiveCommand.credentials(credentialsFile, env, spec);
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Forget a target and its copies; the files on it stay where they are.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand ArchiveCommand archive;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      try (FrameLibrary frame = archive.frameCommand.access()) {
        if (!frame.ports().archive().remove(name)) {
          spec.commandLine().getErr().println("frame: no archive target called " + name + " (see 'frame archive')");
          return 1;
        }
        spec.commandLine().getOut().println("Removed the archive target " + name + ".");
        return 0;
      }
    }
  }

  @Command(name = "free", mixinStandardHelpOptions = true,
      description = "Remove local originals held in at least N verified archive copies; thumbnails and previews stay,"
          + " and an original comes back, verified, when it is needed.")
  static final class Free implements Callable<Integer> {
    @ParentCommand ArchiveCommand archive;
    @Spec CommandSpec spec;
    @Option(names = "--min-copies", paramLabel = "N", defaultValue = "1") int minCopies;

    @Override
    public Integer call() {
      try (FrameLibrary frame = archive.frameCommand.access()) {
        Archive port = frame.ports().archive();
        FreeReport report = port.free(minCopies);
        spec.commandLine().getOut().printf("Freed %d original(s), %s. %d kept: fewer than %d verified copies.%n",
            report.freed(), size(report.bytesFreed()), report.kept(), minCopies);
        return 0;
      }
    }
  }

  /** S3 keys from {@code file} (the AWS credentials file's lines) when given, else from the environment. */
  static Optional<ArchiveCredentials> credentials(Path file, Map<String, String> env, CommandSpec spec)
      throws IOException {
    if (file != null) {
      java.util.Properties lines = new java.util.Properties();
      lines.load(new java.io.StringReader(Files.readString(file)));
      String id = first(lines, "aws_access_key_id", "AWS_ACCESS_KEY_ID");
      String secret = first(lines, "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY");
      if (id == null || secret == null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), file
            + " holds no aws_access_key_id and aws_secret_access_key lines");
      }
      return Optional.of(new ArchiveCredentials(id, secret));
    }
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (id == null || id.isBlank() || secret == null || secret.isBlank()) return Optional.empty();
    return Optional.of(new ArchiveCredentials(id, secret));
  }

  private static String first(java.util.Properties file, String... names) {
    for (String name : names) {
      String value = file.getProperty(name);
      if (value != null && !value.isBlank()) return value.strip();
    }
    return null;
  }

  static String size(long bytes) {
    return bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
  }
}
