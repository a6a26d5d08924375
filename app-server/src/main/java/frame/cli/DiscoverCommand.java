package frame.cli;

import frame.cli.remote.PinnedTls;
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
      if (one.url().startsWith("https://")) out.println("  certificate SHA-256 " + fingerprintOf(one.url()));
    }
    if (found.stream().anyMatch(one -> one.url().startsWith("https://"))) {
      out.println("Compare a certificate's fingerprint with the one that FRAME's Server pane or 'frame serve' shows "
          + "before you trust it: a different one is not your FRAME.");
    }
    return 0;
  }

  /** The fingerprint the server presents, for the person to compare (trust on first use). */
  private static String fingerprintOf(String url) {
    java.net.URI uri = java.net.URI.create(url);
    try {
      return PinnedTls.presentedBy(uri.getHost(), uri.getPort(), Duration.ofSeconds(5)).hex();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
