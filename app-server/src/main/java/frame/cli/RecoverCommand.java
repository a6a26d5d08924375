package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.archive.ArchiveCredentials;
import frame.core.api.archive.NewArchiveTarget;
import frame.core.api.catalogue.Recovered;
import frame.core.api.catalogue.RecoveryProgress;
import frame.core.api.config.FrameConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "recover", mixinStandardHelpOptions = true,
    description = {"Rebuild a library from its archive alone (a folder target or an S3 bucket) into an empty data folder:",
        "every photo comes back with its name, dates, camera, shoot and marks, STORED on that archive, and its",
        "thumbnails, preview and metadata are made again. Run it again after an interruption: it goes on.",
        "Exit 1 when some archived files could not be read (they are named; everything else came back)."})
final class RecoverCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1") Where where;
  @Option(names = "--bucket", paramLabel = "BUCKET") String bucket;
  @Option(names = "--prefix", paramLabel = "P", description = "The prefix the target was added with (default: none).")
  String prefix;
  @Option(names = "--region", paramLabel = "R", description = "Default: AWS_REGION, else us-east-1.") String region;
  @Option(names = "--credentials-file", paramLabel = "F",
      description = "aws_access_key_id and aws_secret_access_key lines (default: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).")
  Path credentialsFile;
  @Option(names = "--name", paramLabel = "NAME",
      description = "The target's name in the recovered library (default: the folder's or the bucket's name).")
  String name;
  @Option(names = "--download", description = "Fetch every original into local storage too (default: they stay on the"
      + " archive and are fetched back when needed).")
  boolean download;

  static final class Where {
    @Option(names = "--s3", paramLabel = "ENDPOINT_URL", required = true) String s3;
    @Option(names = "--folder", paramLabel = "DIR", required = true) Path folder;
  }

  @Override
  public Integer call() throws IOException {
    NewArchiveTarget target = target();
    if (target == null) return 2;
    FrameConfig config = frameCommand.config();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Recovering the library in %s from %s%n", config.dataDir(), where.folder != null
        ? where.folder.toAbsolutePath() : "bucket " + bucket + " at " + where.s3);
    out.flush();
    Recovered recovered;
    try (FrameLibrary frame = FrameLibrary.open(config)) {
      RecoverProgressLine line = new RecoverProgressLine(spec.commandLine().getErr());
      recovered = frame.ports().catalogue().recover(target, download, line::show);
      line.finish();
    }
    report(out, recovered);
    return recovered.complete() ? 0 : 1;
  }

  private NewArchiveTarget target() throws IOException {
    if (where.folder != null) {
      Path folder = where.folder.toAbsolutePath().normalize();
      return NewArchiveTarget.folder(nameOr(folder.getFileName() == null ? null : folder.getFileName().toString()),
          folder.toString());
    }
    if (bucket == null) {
      spec.commandLine().getErr().println("frame: recover --s3 needs --bucket");
      return null;
    }
    Optional<ArchiveCredentials> keys = ArchiveCommand.credentials(credentialsFile, System.getenv(), spec);
    if (keys.isEmpty()) {
      spec.commandLine().getErr().println("frame: an S3 archive needs credentials: set AWS_ACCESS_KEY_ID and"
          + " AWS_SECRET_ACCESS_KEY, or give --credentials-file");
      return null;
    }
    String chosenRegion = region != null ? region : System.getenv("AWS_REGION");
    return NewArchiveTarget.s3(nameOr(bucket), where.s3, bucket, prefix, chosenRegion, keys.get());
  }

  /** The given name, else one made of the folder's or bucket's name that a target may have. */
  private String nameOr(String place) {
    if (name != null) return name;
    String cleaned = place == null ? "" : place.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    cleaned = cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    return cleaned.isEmpty() ? "archive" : cleaned.toLowerCase(Locale.ROOT);
  }

  private void report(PrintWriter out, Recovered recovered) {
    out.printf("Recovered %d photo(s) from the archive target %s (%d already back from an earlier run).%n",
        recovered.recovered(), recovered.target(), recovered.alreadyThere());
    if (recovered.removed() > 0) {
      out.printf("%d photo(s) the archive says were removed were left out (kept as deleted).%n", recovered.removed());
    }
    if (recovered.renditionsFailed() > 0) {
      out.printf("%d photo(s) came back but their renditions failed: see 'frame jobs --status FAILED'.%n",
          recovered.renditionsFailed());
    }
    out.println(download ? "Every original is in local storage and on the archive."
        : "Originals stay on the archive and are fetched back when needed (--download keeps them here too).");
    if (!recovered.complete()) {
      out.printf("%d archived file(s) could not be recovered:%n", recovered.unreadable().size());
      for (Recovered.Unreadable file : recovered.unreadable()) out.printf("  %s: %s%n", file.key(), file.reason());
    }
  }

  /** The progress, redrawn in place on a terminal; a line every few seconds into a file. */
  private static final class RecoverProgressLine {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private long lastPrinted;
    private RecoveryProgress last;

    RecoverProgressLine(PrintWriter err) {
      this.err = err;
    }

    void show(RecoveryProgress progress) {
      last = progress;
      long now = System.nanoTime();
      if (now - lastPrinted < (terminal ? 100_000_000L : 2_000_000_000L)) return;
      lastPrinted = now;
      print(progress, false);
    }

    void finish() {
      if (last != null) print(last, true);
    }

    private void print(RecoveryProgress p, boolean end) {
      String text = "%d/%d archived originals read · %d/%d photos with thumbnails, preview and metadata"
          .formatted(p.read(), p.files(), p.rendered(), p.photos());
      err.print(terminal ? "\r" + text + (end ? "\n" : "") : text + "\n");
      err.flush();
    }
  }
}
