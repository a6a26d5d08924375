package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "images", mixinStandardHelpOptions = true, description = "List images, newest first.")
final class ImagesCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--status", paramLabel = "STATE", description = "Only images in this state: ${COMPLETION-CANDIDATES}.")
  ImageState status;

  @Mixin Paging page;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (FrameLibrary frame = frameCommand.access()) {
      List<Image> images = frame.ports().library().list(new ImageQuery(status, page.limit, page.offset));
      if (page.json) {
        out.println(Json.of(images.stream().map(i -> ImageView.of(frame.ports().library().files(i), i)).toList()));
        return 0;
      }
      out.printf("%-6s %-10s %-5s %-11s %-20s %s%n", "ID", "STATE", "TYPE", "SIZE", "TAKEN", "NAME");
      for (Image i : images) {
        out.printf("%-6d %-10s %-5s %-11s %-20s %s%s%n", i.id(), i.state(), i.format(), i.width() + "x" + i.height(),
            i.takenAt() == null ? "-" : i.takenAt(), i.originalName(),
            i.failureReason() == null ? "" : "  (" + i.failureReason() + ")");
      }
      out.printf("%d of %d image(s)%n", images.size(), frame.ports().library().countIn(status));
      return 0;
    }
  }
}
