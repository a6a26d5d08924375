package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.culling.Shoot;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "shoots", mixinStandardHelpOptions = true,
    description = "List shoots (one per import: a card, a folder, a phone session), newest first.")
final class ShootsCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--rename", arity = "2", paramLabel = "ID NAME", description = "Rename shoot ID to NAME.")
  List<String> rename;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (FrameLibrary frame = frameCommand.access()) {
      if (rename != null) {
        long id = Long.parseLong(rename.get(0));
        Shoot renamed = frame.ports().culling().renameShoot(id, rename.get(1));
        out.println(json ? Json.of(renamed) : "Shoot " + id + " is now \"" + renamed.name() + "\"");
        return 0;
      }
      List<Shoot> shoots = frame.ports().culling().shoots();
      if (json) {
        out.println(Json.of(shoots));
        return 0;
      }
      out.printf("%-5s %-9s %-26s %-26s %6s %6s %7s  %s%n", "ID", "SOURCE", "FIRST TAKEN", "LAST TAKEN", "PHOTOS", "PICKS",
          "REJECTS", "NAME");
      for (Shoot s : shoots) {
        out.printf("%-5d %-9s %-26s %-26s %6d %6d %7d  %s%n", s.id(), s.source(), TakenColumn.of(s.firstTaken()),
            TakenColumn.of(s.lastTaken()), s.photos(), s.picks(), s.rejects(), s.name());
      }
      out.printf("%d shoot(s)%n", shoots.size());
      return 0;
    }
  }
}
