package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.trash.RemovalSize;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "remove", mixinStandardHelpOptions = true,
    description = "Move photos to the trash: hidden at once, restorable for 30 days ('frame trash').")
final class RemoveCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "1..*", description = "Image ids, as 'frame images' lists them.")
  List<Long> ids;

  @Override
  public Integer call() {
    try (FrameLibrary frame = frameCommand.access()) {
      // all or none: an unknown id is an error and removes nothing
      RemovalSize removed = frame.ports().trash().remove(ids);
      spec.commandLine().getOut().println("Moved " + removed.describe() + " to the trash. "
          + "'frame trash restore ID...' brings them back; 'frame trash empty' deletes them for good.");
      return 0;
    }
  }
}
