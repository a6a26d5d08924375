package frame.server.dto;

import frame.core.node.NodeInfo;
import java.time.Instant;
import java.util.List;

/** One node on the database, as {@code GET /api/admin/nodes} lists it. */
public record NodeDto(
    String id,
    String host,
    long pid,
    String version,
    String kind,
    Instant started,
    Instant lastHeartbeat,
    int runningJobs,
    long completedJobs,
    String state) {

  public static NodeDto of(NodeInfo node) {
    return new NodeDto(node.id(), node.host(), node.pid(), node.version(), node.kind(), node.started(),
        node.lastHeartbeat(), node.runningJobs(), node.completedJobs(), node.state().name());
  }

  public static List<NodeDto> all(List<NodeInfo> nodes) {
    return nodes.stream().map(NodeDto::of).toList();
  }
}
