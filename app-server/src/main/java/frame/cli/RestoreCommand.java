package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.catalogue.Restored;
import frame.core.api.config.FrameConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Put a catalogue backup back into a data folder whose database was lost or damaged (stop FRAME first).",
        "Photos imported after the backup whose originals are still in storage are adopted again."})
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A backup folder, or a folder of them (the newest is taken).")
  Path from;

  @Option(names = "--force", description = "Replace a healthy database too (it is kept aside, not deleted).")
  boolean force;

  @Override
  public Integer call() {
    FrameConfig config = frameCommand.config();
    PrintWriter out = spec.commandLine().getOut();
    Restored restored = FrameLibrary.restore(config, from, force);
    out.printf("Restored the catalogue backed up at %s from %s%n", restored.takenAt(), restored.backup());
    restored.replacedDatabase().ifPresent(aside -> out.println("The database it replaced is kept in " + aside));
    if (restored.settingsRestored()) out.println("Settings restored (frame.properties, window.properties).");
    // without a runner: adopted photos are processed when FRAME next starts, like any import
    try (FrameLibrary frame = FrameLibrary.openWithoutRunner(config)) {
      int adopted = frame.ports().catalogue().adoptOrphans();
      long photos = frame.ports().library().countsByState().values().stream().mapToLong(Long::longValue).sum();
      out.printf("%d photo(s) in the library; %d imported after the backup adopted again from storage%n", photos,
          adopted);
    }
    return 0;
  }
}
