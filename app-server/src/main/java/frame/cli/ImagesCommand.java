package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.api.library.ImageState;
import frame.core.api.library.LibraryOrder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import frame.core.api.culling.ImageMarks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "images", mixinStandardHelpOptions = true, description = "List images, newest first unless --sort says otherwise.")
final class ImagesCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--status", paramLabel = "STATE", description = "Only images in this state: ${COMPLETION-CANDIDATES}.")
  ImageState status;

  @Mixin Paging page;

  @Mixin CullOptions cull;

  @Option(names = "--sort", paramLabel = "ORDER", converter = OrderConverter.class,
      description = "added (newest added first, the default), taken, taken-oldest, sharpness (sharpest first), "
          + "or stacks (each stack together, its sharpest photo first).")
  LibraryOrder sort = LibraryOrder.ADDED_NEWEST;

  static final class OrderConverter implements ITypeConverter<LibraryOrder> {
    @Override
    public LibraryOrder convert(String value) {
      try {
        return LibraryOrder.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (FrameLibrary frame = frameCommand.access()) {
      ImageQuery query = new ImageQuery(status, page.limit, page.offset, cull.filter(), sort);
      List<Image> images = frame.ports().library().list(query);
      Map<Long, ImageMarks> marks = frame.ports().culling().marks(images.stream().map(Image::id).toList());
      if (page.json) {
        out.println(Json.of(images.stream()
            .map(i -> ImageView.of(frame.ports().library().files(i), i, marks.get(i.id()))).toList()));
        return 0;
      }
      out.printf("%-6s %-10s %-5s %-11s %-26s %-6s %-6s %s%n", "ID", "STATE", "TYPE", "SIZE", "TAKEN", "STARS", "FLAG", "NAME");
      for (Image i : images) {
        ImageMarks m = marks.getOrDefault(i.id(), ImageMarks.none(i.id()));
        // folded, a stack's top says how many frames it stands for
        String frames = query.cull().stacks().folded() && m.stackSize() > 1 ? "  [stack of " + m.stackSize() + "]" : "";
        out.printf("%-6d %-10s %-5s %-11s %-26s %-6s %-6s %s%s%s%n", i.id(), i.state(), i.format(), i.width() + "x" + i.height(),
            TakenColumn.of(i.takenAt()), "*".repeat(m.rating()), m.flag() == null ? "-" : m.flag().wire(),
            i.originalName(), frames, i.failureReason() == null ? "" : "  (" + i.failureReason() + ")");
      }
      out.printf("%d of %d image(s)%n", images.size(), frame.ports().library().count(query));
      return 0;
    }
  }
}
