package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.catalogue.BackupTaken;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Back the catalogue up (database and settings) into a new folder inside DIR, while FRAME runs and imports.",
        "Restore it with 'frame restore DIR'. PostgreSQL catalogues are backed up with pg_dump instead."})
final class BackupCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Where the backup folder goes (created if missing).")
  Path into;

  @Override
  public Integer call() {
    // a running FRAME takes the backup itself: the path must mean the same to it
    Path target = into.toAbsolutePath().normalize();
    try (FrameLibrary frame = frameCommand.accessWithoutRunner()) {
      BackupTaken taken = frame.ports().catalogue().backup(target);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Backed up the catalogue (%d photo(s), %s) into %s%n", taken.images(), "%.1f MB".formatted(taken.bytes() / 1e6),
          taken.folder());
      return 0;
    }
  }
}
