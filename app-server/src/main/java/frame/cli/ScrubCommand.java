package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.archive.ScrubReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "scrub", mixinStandardHelpOptions = true,
    description = "Re-read local originals and archive copies and compare each with its SHA-256; mend a bad one from"
        + " a good one. Names each bad photo and what was done; exit 1 if anything was bad.")
final class ScrubCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;
  @Option(names = "--sample", paramLabel = "PERCENT", defaultValue = "100",
      description = "Check this share of the photos, chosen at random (default: all).") int sample;

  @Override
  public Integer call() {
    try (FrameLibrary frame = frameCommand.access()) {
      ScrubReport report = frame.ports().archive().scrub(sample);
      PrintWriter out = spec.commandLine().getOut();
      for (ScrubReport.Finding bad : report.bad()) {
        out.printf("BAD  %s (photo %d) on %s: %s; %s%n", bad.photo(), bad.imageId(), bad.place(), bad.problem(),
            bad.action());
      }
      out.printf("Read %d original(s) and copies of %d photo(s): %s.%n", report.copiesRead(), report.photos(),
          report.clean() ? "all good" : report.bad().size() + " bad");
      return report.clean() ? 0 : 1;
    }
  }
}
