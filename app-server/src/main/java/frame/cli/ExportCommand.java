package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.culling.CullFilter;
import frame.core.api.culling.ExportRequest;
import frame.core.api.culling.ExportResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Copy originals with .xmp sidecars (stars, colour label, pick or reject) into DIR, one folder per shoot.",
        "Exit code 0 when every photo was written, 1 when any could not be."})
final class ExportCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write into (made if missing).")
  Path folder;

  @Option(names = "--flag", paramLabel = "FLAG", description = "Only photos flagged pick or reject.")
  String flag;

  @Option(names = "--rating", paramLabel = "N", converter = Stars.class, description = "Only photos with at least N stars (1-5).")
  int minRating;

  @Option(names = "--shoot", paramLabel = "ID", description = "Only the photos of this shoot (see frame shoots).")
  Long shoot;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CullFilter.FlagFilter flags = flag == null ? null : switch (flag.strip().toLowerCase()) {
      case "pick" -> CullFilter.FlagFilter.PICKS;
      case "reject" -> CullFilter.FlagFilter.REJECTS;
      default -> throw new IllegalArgumentException("--flag must be pick or reject, not " + flag);
    };
    try (FrameLibrary frame = frameCommand.access()) {
      ExportResult result = frame.ports().culling()
          .export(new ExportRequest(folder, new CullFilter(flags, false, minRating, shoot)));
      out.printf("Exported %d photo(s) with .xmp sidecars to %s%n", result.exported(), folder);
      result.problems().forEach(problem -> out.println("  not written: " + problem));
      return result.problems().isEmpty() ? 0 : 1;
    }
  }
}
