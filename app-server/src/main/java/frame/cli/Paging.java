package frame.cli;

import picocli.CommandLine.Option;

/** The options every listing shares: a page and JSON for scripts. */
final class Paging {
  @Option(names = "--limit", defaultValue = "50", description = "At most this many (1-1000, default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Skip this many.")
  int offset;

  @Option(names = "--json", description = "Print JSON for scripts.")
  boolean json;
}
