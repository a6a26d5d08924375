package frame.cli;

import frame.server.LanDiscovery;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "discover", mixinStandardHelpOptions = true,
    description = "Find FRAME servers on the local network (those started with --lan announce themselves over mDNS).")
final class DiscoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", paramLabel = "N", defaultValue = "3", description = "How long to listen (default: 3).")
  int seconds;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<LanDiscovery.Found> found = LanDiscovery.find(Duration.ofSeconds(Math.max(1, seconds)));
    if (found.isEmpty()) {
      out.println("No FRAME found on the local network. A FRAME announces itself when it runs with --lan.");
      return 1;
    }
    for (LanDiscovery.Found one : found) {
      out.printf("%-32s %-32s %s%n", one.name(), one.url(), one.version() == null ? "" : "FRAME " + one.version());
    }
    return 0;
  }
}
