package frame.cli;

import frame.core.api.FrameLibrary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "adopt", mixinStandardHelpOptions = true,
    description = {"Take originals in storage that no photo names back into the library (after a database restored",
        "with pg_restore, or a catalogue lost); each is imported again and processed like any import."})
final class AdoptCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (FrameLibrary frame = frameCommand.access()) {
      int adopted = frame.ports().catalogue().adoptOrphans();
      spec.commandLine().getOut().printf("Adopted %d original(s) from storage%n", adopted);
      return 0;
    }
  }
}
