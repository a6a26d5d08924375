package frame.core.api;

import frame.core.api.nodes.NodeInfo;
import java.util.List;

/** The processes that run jobs on this library's database. */
public interface Nodes {
  /** This process's id among the nodes on its database (also the worker id its jobs carry). */
  String thisNode();

  /**
   * Every node that has run jobs on this database lately, newest first: alive, lost (silent for
   * longer than a lease; its jobs are being taken back) or stopped.
   */
  List<NodeInfo> list();
}
