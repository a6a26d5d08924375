package frame.cli;

import frame.core.api.Culling;
import frame.core.api.FrameLibrary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "culling", mixinStandardHelpOptions = true,
    description = "Culling's settings: whether the analysis (sharpness, stacks) follows each import.",
    subcommands = {CullingCommand.Analysis.class})
final class CullingCommand {
  @ParentCommand FrameCommand frameCommand;

  @Command(name = "analysis", mixinStandardHelpOptions = true,
      description = {"Whether culling's analysis (sharpness, perceptual hash, so stacks) follows each new preview.",
          "Without an argument it says which. off: photos imported from now on get none (imports finish sooner); "
              + "on: it also queues the analysis for every photo that lacks it, at background priority.",
          "Kept in the data folder's culling.properties (analysis=off), as the window's Settings checkbox does."})
  static final class Analysis implements Callable<Integer> {
    @ParentCommand CullingCommand culling;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "on|off", converter = OnOff.Converter.class,
        description = "Turn it on or off.")
    OnOff wanted;

    @Option(names = "--json", description = "Print JSON for scripts, as GET (or POST) /api/admin/culling/analysis answers.")
    boolean json;

    @Override
    public Integer call() {
      try (FrameLibrary frame = culling.frameCommand.accessWithoutRunner()) {
        Culling port = frame.ports().culling();
        Integer queued = wanted == null ? null : port.setAnalysis(wanted == OnOff.ON);
        print(spec.commandLine().getOut(), port.analysisOn(), queued);
        return 0;
      }
    }

    private void print(PrintWriter out, boolean on, Integer queued) {
      if (json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("analysis", on);
        if (queued != null) answer.put("queued", queued);
        out.println(Json.of(answer));
      } else if (!on) {
        out.println("Analysis: off. Photos imported from now on get no sharpness and no stacks; "
            + "'frame culling analysis on' queues it for them.");
      } else if (queued == null) {
        out.println("Analysis: on. Sharpness and stacks follow each import.");
      } else {
        out.printf("Analysis: on. Queued for %d photo(s) that lacked it, at background priority.%n", queued);
      }
    }
  }

  /** The argument: on or off, lower case, as culling.properties spells them. */
  enum OnOff {
    ON, OFF;

    static final class Converter implements ITypeConverter<OnOff> {
      @Override
      public OnOff convert(String value) {
        return switch (value) {
          case "on" -> ON;
          case "off" -> OFF;
          default -> throw new TypeConversionException("'" + value + "' is neither on nor off");
        };
      }
    }
  }
}
