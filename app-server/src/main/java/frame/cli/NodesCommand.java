package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.nodes.NodeInfo;
import frame.core.api.nodes.NodeState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "nodes", mixinStandardHelpOptions = true,
    description = {"List the FRAME processes running jobs on this database (a studio's window, serve and workers):",
        "alive, lost (silent for longer than a lease: its jobs are taken back) or stopped."})
final class NodesCommand implements Callable<Integer> {
  @ParentCommand FrameCommand frameCommand;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON for scripts.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // looks only: this command runs no jobs and does not count as a node
    try (FrameLibrary frame = frameCommand.openWithoutRunner()) {
      List<NodeInfo> nodes = frame.ports().nodes().list().stream().filter(n -> !n.id().equals(frame.ports().nodes().thisNode())).toList();
      if (json) {
        out.println(Json.of(nodes));
        return 0;
      }
      out.printf("%-36s %-7s %-8s %-8s %-12s %-9s %-7s %s%n", "NODE", "KIND", "STATE", "RUNNING", "COMPLETED",
          "HEARTBEAT", "VERSION", "STARTED");
      Instant now = Instant.now();
      for (NodeInfo n : nodes) {
        out.printf("%-36s %-7s %-8s %-8d %-12d %-9s %-7s %s%n", n.id(), n.kind(), n.state(), n.runningJobs(),
            n.completedJobs(), ago(Duration.between(n.lastHeartbeat(), now)), n.version(), n.started());
      }
      out.printf("%d node(s), %d alive%n", nodes.size(),
          nodes.stream().filter(n -> n.state() == NodeState.ALIVE).count());
      return 0;
    }
  }

  private static String ago(Duration age) {
    long seconds = Math.max(0, age.toSeconds());
    return seconds < 120 ? seconds + "s ago" : (seconds / 60) + "m ago";
  }
}
