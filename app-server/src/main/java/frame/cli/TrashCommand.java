package frame.cli;

import frame.core.api.Trash;
import frame.core.api.FrameLibrary;
import frame.core.api.library.Image;
import frame.core.api.trash.TrashedPhoto;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "trash", mixinStandardHelpOptions = true,
    description = "Removed photos: list, restore or empty (emptied by itself after 30 days).",
    subcommands = {TrashCommand.ListTrash.class, TrashCommand.Restore.class, TrashCommand.Empty.class})
final class TrashCommand {
  @ParentCommand FrameCommand frameCommand;

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Photos in the trash, last removed first.")
  static final class ListTrash implements Callable<Integer> {
    @ParentCommand TrashCommand trash;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (FrameLibrary frame = trash.frameCommand.access()) {
        PrintWriter out = spec.commandLine().getOut();
        List<TrashedPhoto> photos = frame.ports().trash().list();
        out.printf("%-6s %-26s %-26s %s%n", "ID", "REMOVED", "DELETED FOR GOOD AFTER", "NAME");
        for (TrashedPhoto photo : photos) {
          Image image = photo.image();
          out.printf("%-6d %-26s %-26s %s%n", image.id(), photo.removedAt(), photo.removedAt().plus(Trash.KEPT_FOR),
              image.originalName());
        }
        out.printf("%d photo(s) in the trash%n", photos.size());
        return 0;
      }
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true, description = "Bring photos back with their ids and files.")
  static final class Restore implements Callable<Integer> {
    @ParentCommand TrashCommand trash;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "ID", arity = "1..*") List<Long> ids;

    @Override
    public Integer call() {
      try (FrameLibrary frame = trash.frameCommand.access()) {
        int restored = frame.ports().trash().restore(ids);
        spec.commandLine().getOut().println("Restored " + restored + " of " + ids.size() + " photo(s).");
        if (restored < ids.size()) {
          spec.commandLine().getErr().println("frame: some ids were not in the trash (see 'frame trash list')");
          return 1;
        }
        return 0;
      }
    }
  }

  @Command(name = "empty", mixinStandardHelpOptions = true,
      description = "Delete every photo in the trash for good: rows, jobs, thumbnails, previews and originals.")
  static final class Empty implements Callable<Integer> {
    @ParentCommand TrashCommand trash;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (FrameLibrary frame = trash.frameCommand.access()) {
        int deleted = frame.ports().trash().empty();
        spec.commandLine().getOut().println("Deleted " + deleted + " photo(s) for good.");
        return 0;
      }
    }
  }
}
