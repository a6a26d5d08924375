package frame.cli.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import frame.core.api.Nodes;
import frame.core.api.nodes.NodeInfo;
import java.util.List;

/** {@link Nodes} over {@code /api/admin/nodes}. */
final class HttpNodes implements Nodes {
  private final LoopbackClient api;

  HttpNodes(LoopbackClient api) {
    this.api = api;
  }

  @Override
  public String thisNode() {
    throw LoopbackClient.notOverTheApi("The running FRAME's node id");
  }

  @Override
  public List<NodeInfo> list() {
    return api.get("/api/admin/nodes", new TypeReference<>() {});
  }
}
