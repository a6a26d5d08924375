package frame.core;

import frame.core.api.Nodes;
import frame.core.api.nodes.NodeInfo;
import frame.core.node.NodeIdentity;
import frame.core.node.NodeRegistry;
import java.time.Duration;
import java.util.List;

/** {@link Nodes} over the node table. */
final class NodesPort implements Nodes {
  private final NodeIdentity node;
  private final NodeRegistry registry;
  private final Duration lease;

  NodesPort(NodeIdentity node, NodeRegistry registry, Duration lease) {
    this.node = node;
    this.registry = registry;
    this.lease = lease;
  }

  @Override
  public String thisNode() {
    return node.id();
  }

  @Override
  public List<NodeInfo> list() {
    return registry.list(lease);
  }
}
